package io.compressor.app;

import io.compressor.account.Account;
import io.compressor.account.ApiKey;
import io.compressor.account.IssuedKey;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `compressor keys create|list|revoke`. A new key is printed once; only its hash is stored.
@Command(name = "keys", description = "Create, list and revoke API keys.")
final class KeysCommand {
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    KeysCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "create", description = "Create an API key; it is shown once.")
    int create(@Option(names = "--account", paramLabel = "ACCOUNT_ID", description = "Account id (optional when there is one account)") String accountId,
            @Option(names = "--label", paramLabel = "TEXT", description = "What the key is for") String label) {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            IssuedKey key = app.keys().issue(accountOrOnly(app, accountId), label);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Created API key " + key.key().id() + " for account " + key.key().accountId() + ".");
            out.println("Shown only this once: " + key.secret());
            return 0;
        }
    }

    @Command(name = "list", description = "List API keys (never their secrets).")
    int list(@Option(names = "--account", paramLabel = "ACCOUNT_ID", description = "Only this account's keys") String accountId) {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            List<String> ids = accountId != null ? List.of(accountId)
                    : app.accounts().list().stream().map(Account::id).toList();
            Table table = new Table("ID", "ACCOUNT", "PREFIX", "LABEL", "CREATED", "LAST USED", "STATUS");
            for (String id : ids) {
                for (ApiKey k : app.keys().list(id)) {
                    table.row(k.id(), k.accountId(), k.prefix() + "…", k.label(), k.createdAt(), k.lastUsedAt(),
                            k.revoked() ? "revoked " + k.revokedAt() : "active");
                }
            }
            table.print(spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke an API key: it stops working at once.")
    int revoke(@Parameters(paramLabel = "KEY_ID", description = "Id from `keys list`") String keyId) {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            ApiKey key = app.keys().revoke(keyId);
            spec.commandLine().getOut().println("Revoked API key " + key.id() + " (" + key.prefix() + "…).");
            return 0;
        }
    }

    private static String accountOrOnly(Application app, String accountId) {
        if (accountId != null) {
            return accountId;
        }
        List<Account> all = app.accounts().list();
        if (all.size() != 1) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "--account: there are " + all.size()
                    + " accounts; name one (see `compressor accounts list`)");
        }
        return all.getFirst().id();
    }
}
