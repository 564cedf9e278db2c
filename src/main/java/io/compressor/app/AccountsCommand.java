package io.compressor.app;

import io.compressor.account.Account;
import io.compressor.account.IssuedKey;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/// `compressor accounts create|list|set-password`.
@Command(name = "accounts", description = "Create and list accounts; set their dashboard password.", subcommands = {})
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

    @Command(name = "set-password", description = "Set the password the account signs in to the dashboard with (read"
            + " from the terminal, or from the first line of standard input); this also lifts a lock-out.")
    int setPassword(@Parameters(paramLabel = "ACCOUNT", description = "Account id or email") String account,
            @Option(names = "--email", paramLabel = "EMAIL", description = "Also set the email it signs in with") String email) {
        try (Application app = Application.open(ConfigLoader.load(env))) {
            Account found = app.accounts().requireByIdOrEmail(account);
            if (email != null) {
                found = app.accounts().setEmail(found.id(), email);
            }
            app.signIns().setPassword(found.id(), readPassword());
            spec.commandLine().getOut().println("Set the dashboard password of " + found.id() + "; sign in as "
                    + found.email() + ".");
            return 0;
        }
    }

    private String readPassword() {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            String first = new String(console.readPassword("New password: "));
            String again = new String(console.readPassword("Again: "));
            if (!first.equals(again)) {
                throw new ServiceException(ErrorCode.INVALID_OPTION, "password: the two entries differ; try again");
            }
            return first;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
