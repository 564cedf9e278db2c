package io.compressor.app;

import io.compressor.account.Account;
import io.compressor.account.IssuedKey;
import io.compressor.api.HttpServer;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/// `compressor serve`: migrates the database, creates the first account when there is none,
/// serves until SIGTERM or SIGINT, then lets requests in flight finish and exits 0.
@Command(name = "serve", description = "Start the HTTP service (configured by COMPRESSOR_* variables).")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = ConfigLoader.load(env);
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        try (Application app = Application.open(config)) {
            PrintWriter out = spec.commandLine().getOut();
            log.info("Image engine: {}", app.pipeline().engineVersion());
            HttpServer server = app.httpServer().start();
            app.firstStart().ifPresent(welcome -> welcome(welcome, server, out));
            log.info("Compressor listening on {} (database {})", server.publicUrl(), config.db());
            out.println("Compressor is listening on " + server.publicUrl());
            stop.await();
            log.info("Stopping: finishing requests in flight (up to {} s)", config.api().shutdownGrace().toSeconds());
            server.close();
        }
        log.info("Stopped");
        return 0;
    }

    /// First start on an empty database: one account and its key, shown here once and stored only hashed.
    private static void welcome(FirstStart.Welcome welcome, HttpServer server, PrintWriter out) {
        Account account = welcome.account();
        IssuedKey key = welcome.key();
        out.println();
        out.println("First start: created account " + account.id() + " (\"" + account.name() + "\").");
        out.println("Its API key is shown only this once; store it now:");
        out.println();
        out.println("    " + key.secret());
        out.println();
        out.println("Try it:  curl -u " + key.secret() + ": " + server.publicUrl() + "/1.0/account");
        out.println("More keys: ./compressor keys create    Accounts: ./compressor accounts create --name NAME");
        out.println();
        out.println("Dashboard: " + server.publicUrl() + "/dashboard  To sign in, give the account an email and a password:");
        out.println("    ./compressor accounts set-password " + account.id() + " --email you@example.com");
        out.println();
    }
}
