package io.compressor.app;

import io.compressor.account.Account;
import io.compressor.account.IssuedKey;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `compressor accounts create|list`.
@Command(name = "accounts", description = "Create and list accounts.", subcommands = {})
final class AccountsCommand {
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    AccountsCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "create", description = "Create an account and its first API key (shown once).")
    int create(@Option(names = "--name", required = true, paramLabel = "NAME", description = "Display name") String name,
            @Option(names = "--email", paramLabel = "EMAIL", description = "Contact and dashboard sign-in address") String email) {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            Account account = app.accounts().create(name, email);
            IssuedKey key = app.keys().issue(account.id(), "created with the account");
            PrintWriter out = spec.commandLine().getOut();
            out.println("Created account " + account.id() + " (\"" + account.name() + "\").");
            out.println("Its API key, shown only this once: " + key.secret());
            return 0;
        }
    }

    @Command(name = "list", description = "List every account.")
    int list() {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            Table table = new Table("ID", "NAME", "EMAIL", "CREATED");
            app.accounts().list().forEach(a -> table.row(a.id(), a.name(), a.email(), a.createdAt()));
            table.print(spec.commandLine().getOut());
            return 0;
        }
    }
}
