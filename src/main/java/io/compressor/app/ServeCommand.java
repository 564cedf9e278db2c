package io.compressor.app;

import io.compressor.account.Account;
import io.compressor.account.IssuedKey;
import io.compressor.api.HttpServer;
import java.io.PrintWriter;
import java.time.Duration;
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
/// serves until SIGTERM or SIGINT, then lets requests in flight finish and exits: 0 when every step of the
/// shutdown went well, 1 when one failed, 2 when it took longer than the grace period plus `HALT_MARGIN`.
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
        Application app = Application.open(config);
        HttpServer server;
        try {
            PrintWriter out = spec.commandLine().getOut();
            log.info("Image engine: {}", app.pipeline().engineVersion());
            server = app.httpServer().start();
            app.firstStart().ifPresent(welcome -> welcome(welcome, server, out));
            log.info("Compressor listening on {} (database {})", server.publicUrl(), config.db());
            out.println("Compressor is listening on " + server.publicUrl());
        } catch (RuntimeException | Error e) {
            app.close();
            throw e;
        }
        stop.await();
        Duration grace = config.api().shutdownGrace();
        haltAfter(grace.plus(HALT_MARGIN));
        boolean clean = step("finishing requests in flight (up to " + grace.toSeconds() + " s)", server::close)
                & step("stopping workers and closing the database", app::close);
        say(clean ? "Stopped" : "Stopped, but a step of the shutdown failed (above)");
        int status = clean ? 0 : 1;
        Runtime.getRuntime().halt(status); // no thread left behind (Jetty's scheduler is not a daemon) keeps the process up
        return status;
    }

    /// How long past the grace period the process may take to stop before it is ended regardless.
    static final Duration HALT_MARGIN = Duration.ofSeconds(5);

    /// One step of the shutdown: whatever it throws (even a class that can no longer be read from a rewritten jar)
    /// is reported and the shutdown goes on; false when it failed.
    private static boolean step(String what, Runnable step) {
        say("Stopping: " + what);
        try {
            step.run();
            return true;
        } catch (Throwable e) {
            say("Stopping: " + what + " failed: " + e);
            return false;
        }
    }

    /// A daemon that ends the process with status 2 once `limit` has passed, should a step of the shutdown hang.
    private static void haltAfter(Duration limit) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit);
            } catch (InterruptedException e) {
                return;
            }
            say("Stopping took longer than " + limit.toSeconds() + " s; ending the process");
            Runtime.getRuntime().halt(2);
        }, "shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /// A shutdown line on the log, or on stderr when logging itself fails.
    private static void say(String line) {
        try {
            log.info(line);
        } catch (Throwable e) {
            System.err.println(line);
        }
        System.err.flush();
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
