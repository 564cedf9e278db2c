package io.compressor.app;

import io.compressor.api.ApiConfig;
import io.compressor.db.DbConfig;
import io.compressor.fetch.FetchConfig;
import io.compressor.job.JobConfig;
import io.compressor.pipeline.EngineConfig;
import java.nio.file.Path;

/// The whole configuration: one record per package, built and validated by `ConfigLoader`.
record AppConfig(Path dataDir, ApiConfig api, DbConfig db, EngineConfig engine, JobConfig jobs, FetchConfig fetch,
        MasterKey masterKey, java.util.Optional<io.compressor.storage.SpoolConfig> spool) {}
