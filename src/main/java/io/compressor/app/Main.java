package io.compressor.app;

import io.compressor.error.ServiceException;
import java.io.PrintWriter;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/// `compressor` on the command line. `run` is the whole program, so tests drive it in-process
/// with their own environment and streams; `main` only binds it to the real ones.
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(System.getenv(), out, err, args));
    }

    static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new RootCommand())
                .addSubcommand(new ServeCommand(env))
                .addSubcommand(new AccountsCommand(env))
                .addSubcommand(new KeysCommand(env))
                .addSubcommand(new OptimizeCommand(env))
                .addSubcommand(new ConnectorsCommand(env))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, line, parsed) -> report(e, err));
        return cli.execute(args);
    }

    /// Failures a user can act on print their message only; anything else also goes to the log.
    private static int report(Exception e, PrintWriter err) {
        if (e instanceof ConfigException) {
            err.println(e.getMessage());
            return 2;
        }
        if (e instanceof ServiceException || e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        LoggerFactory.getLogger(Main.class).error("compressor failed", e);
        err.println("error: " + e);
        return 1;
    }

    @CommandLine.Command(name = "compressor", mixinStandardHelpOptions = true, version = "compressor 0.1.0",
            description = "Self-hosted image optimization service speaking the Compressor API.")
    static final class RootCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try `compressor serve`");
        }
    }
}
