package io.compressor.app;

import io.compressor.account.Connector;
import io.compressor.account.ConnectorService;
import io.compressor.account.Credentials;
import io.compressor.account.SecretBox;
import io.compressor.storage.Acl;
import io.compressor.storage.Provider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `compressor connectors create|list|delete|test|rotate-key`. The secret is read from the environment
/// variable named by `--secret-env`, never from the command line, where `ps` and shell history would keep it.
@Command(name = "connectors", description = "Manage storage connectors and the master key that seals their credentials.")
final class ConnectorsCommand {
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    ConnectorsCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "create", description = "Create a connector; prints its id.")
    int create(@Option(names = "--account", paramLabel = "ACCOUNT_ID", required = true) String account,
            @Option(names = "--name", paramLabel = "NAME", required = true) String name,
            @Option(names = "--provider", paramLabel = "PROVIDER", required = true,
                    description = "aws, digitalocean, backblaze, cloudflare, wasabi or s3-compatible") String provider,
            @Option(names = "--access-key-id", paramLabel = "ID", required = true) String accessKeyId,
            @Option(names = "--secret-env", paramLabel = "VARIABLE", required = true,
                    description = "Environment variable that holds the secret access key") String secretEnv,
            @Option(names = "--endpoint", paramLabel = "URL") String endpoint,
            @Option(names = "--bucket", paramLabel = "BUCKET") String bucket,
            @Option(names = "--region", paramLabel = "REGION") String region,
            @Option(names = "--path", paramLabel = "PREFIX") String path,
            @Option(names = "--acl", paramLabel = "ACL") String acl) {
        String secret = env.get(secretEnv);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("--secret-env: the variable " + secretEnv + " is not set");
        }
        try (Application app = Application.open(ConfigLoader.load(env))) {
            Connector c = app.connectors().create(app.accounts().require(account).id(), new ConnectorService.NewConnector(
                    name, parse(provider), endpoint, null, null, new Connector.Defaults(bucket, region, path,
                            acl == null ? null : Arrays.stream(Acl.values()).filter(a -> a.wireName().equals(acl)).findFirst()
                                    .orElseThrow(() -> new IllegalArgumentException("--acl: unknown ACL \"" + acl + "\""))),
                    new Credentials(accessKeyId, secret)));
            spec.commandLine().getOut().println("Created connector " + c.id() + " (" + c.provider().wireName() + ", "
                    + c.keyHint() + ").");
            return 0;
        }
    }

    @Command(name = "list", description = "List an account's connectors (never their secrets).")
    int list(@Option(names = "--account", paramLabel = "ACCOUNT_ID", required = true) String account) {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            Table table = new Table("ID", "NAME", "PROVIDER", "ENDPOINT", "KEY", "DEFAULT BUCKET", "CREATED");
            app.connectors().list(account).forEach(c -> table.row(c.id(), c.name(), c.provider().wireName(), c.endpoint(),
                    c.keyHint(), c.defaults().bucket(), c.createdAt()));
            table.print(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a connector.")
    int delete(@Option(names = "--account", paramLabel = "ACCOUNT_ID", required = true) String account,
            @Parameters(paramLabel = "CONNECTOR_ID") String id) {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            app.connectors().delete(account, id);
            spec.commandLine().getOut().println("Deleted connector " + id + ".");
            return 0;
        }
    }

    @Command(name = "test", description = "Write and remove a probe object; says what failed.")
    int test(@Option(names = "--account", paramLabel = "ACCOUNT_ID", required = true) String account,
            @Parameters(paramLabel = "CONNECTOR_ID") String id,
            @Option(names = "--bucket", paramLabel = "BUCKET") String bucket,
            @Option(names = "--region", paramLabel = "REGION") String region) {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            String tested = app.connectors().test(account, id, bucket, region);
            spec.commandLine().getOut().println("OK: wrote and removed a probe object in \"" + tested + "\".");
            return 0;
        }
    }

    /// Re-seals every credential under a new key. With a key file, the new key replaces it; with
    /// COMPRESSOR_MASTER_KEY, the new key is printed once, to be set before the next start.
    @Command(name = "rotate-key", description = "Re-encrypt every connector's credentials and webhook secret under a new"
            + " master key.")
    int rotateKey() throws Exception {
        AppConfig config = ConfigLoader.load(env);
        byte[] next = MasterKey.fresh();
        PrintWriter out = spec.commandLine().getOut();
        try (Application app = Application.open(config)) {
            Path file = config.dataDir().resolve(MasterKey.FILE);
            Path pending = config.dataDir().resolve(KeyRotation.PENDING);
            boolean keyFile = config.masterKey().fromEnvironment().isEmpty();
            if (keyFile) {
                MasterKey.write(pending, next);
            } else {
                // shown before anything is re-sealed, so that no outcome leaves secrets under a key nobody saw
                out.println("The new master key (shown once):");
                out.println(Base64.getEncoder().encodeToString(next));
                out.flush();
            }
            KeyRotation.Resealed resealed;
            try {
                resealed = app.reseal(new SecretBox(next));
            } catch (RuntimeException e) {
                Files.deleteIfExists(pending);
                spec.commandLine().getErr().println("Nothing was re-sealed, the master key is unchanged: " + e.getMessage());
                return 1;
            }
            String done = "Re-sealed " + resealed.connectors() + " connector(s) and " + resealed.webhookSecrets()
                    + " webhook secret(s)";
            if (keyFile) {
                MasterKey.write(file, next);
                Files.deleteIfExists(pending);
                out.println(done + "; the new key is in " + file + ".");
            } else {
                out.println(done + ". Set COMPRESSOR_MASTER_KEY to the new key above before the next start.");
            }
            return 0;
        }
    }

    private static Provider parse(String provider) {
        try {
            return Provider.fromWire(provider);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--provider: expected one of " + String.join(", ",
                    Arrays.stream(Provider.values()).map(Provider::wireName).toList()) + " but received \"" + provider + "\"");
        }
    }
}
