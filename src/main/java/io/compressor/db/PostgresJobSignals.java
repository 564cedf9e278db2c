package io.compressor.db;

import io.compressor.job.JobSignals;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Job ends and newly queued jobs carried between nodes by PostgreSQL's LISTEN/NOTIFY, on the channels
/// `compressor_job_ended` (with the job's id) and `compressor_job_enqueued` (with the id of the node that queued it,
/// whose own workers were woken already and so ignore it). One dedicated connection listens; it reconnects after a
/// failure.
public final class PostgresJobSignals implements JobSignals {
    private static final Logger log = LoggerFactory.getLogger(PostgresJobSignals.class);
    private static final String ENDED = "compressor_job_ended";
    private static final String ENQUEUED = "compressor_job_enqueued";
    private final Database database;
    private final DbConfig config;
    private final String node = UUID.randomUUID().toString();
    private volatile boolean running = true;
    private Thread listener;

    public PostgresJobSignals(Database database, DbConfig config) {
        this.database = database;
        this.config = config;
    }

    @Override
    public void ended(String jobId) {
        database.jdbi().useHandle(h -> h.createUpdate("SELECT pg_notify('" + ENDED + "', :id)").bind("id", jobId).execute());
    }

    @Override
    public void enqueued() {
        database.jdbi().useHandle(h -> h.createUpdate("SELECT pg_notify('" + ENQUEUED + "', :node)").bind("node", node)
                .execute());
    }

    @Override
    public void listen(Consumer<String> onEnded, Runnable onEnqueued) {
        listener = Thread.ofPlatform().daemon().name("job-signals").start(() -> {
            while (running) {
                try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password());
                        Statement s = c.createStatement()) {
                    s.execute("LISTEN " + ENDED);
                    s.execute("LISTEN " + ENQUEUED);
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] notes = pg.getNotifications(1000);
                        if (notes != null) {
                            for (PGNotification note : notes) {
                                if (!ENQUEUED.equals(note.getName())) {
                                    onEnded.accept(note.getParameter());
                                } else if (!node.equals(note.getParameter())) { // any node's but our own, an empty one too
                                    onEnqueued.run();
                                }
                            }
                        }
                    }
                } catch (SQLException e) {
                    if (running) {
                        log.warn("Listening for job signals failed; reconnecting in 1 s", e);
                        sleep();
                    }
                }
            }
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (listener != null) {
            try {
                listener.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
