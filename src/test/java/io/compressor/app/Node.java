package io.compressor.app;

import io.compressor.testing.TestEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The packaged jar running `serve` as its own process, as an operator runs it.
final class Node {
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
    /// Every node this JVM started: a test that fails before stopping its node must not leave it running
    /// after the test JVM exits (it would go on serving, reparented to init, holding its data folder).
    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();
    /// The jar `mvn package` made.
    static final Path PACKAGED = Path.of("target", "compressor.jar").toAbsolutePath();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly)));
    }

    private final Process process;
    private final StringBuffer out;
    private final URI url;
    private final Path log;

    private Node(Process process, StringBuffer out, URI url, Path log) {
        this.process = process;
        this.out = out;
        this.url = url;
        this.log = log;
    }

    /// Starts a node with exactly these COMPRESSOR_* variables, stderr appended to `log`.
    static Node start(Map<String, String> env, Path log) throws IOException {
        return start(List.of(), env, log);
    }

    /// As [#start(Map, Path)], with extra JVM options such as a heap limit.
    static Node start(List<String> jvmOptions, Map<String, String> env, Path log) throws IOException {
        return start(command(jvmOptions, env), log);
    }

    /// As [#start(Map, Path)], running `jar` instead of the packaged one.
    static Node startFrom(Path jar, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = command(List.of(), env);
        builder.command().replaceAll(part -> part.equals(PACKAGED.toString()) ? jar.toString() : part);
        return start(builder, log);
    }

    private static Node start(ProcessBuilder command, Path log) throws IOException {
        Process process = command.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        STARTED.add(process);
        process.onExit().thenRun(() -> STARTED.remove(process));
        StringBuffer out = new StringBuffer();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            out.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> reader.lines().forEach(l -> out.append(l).append('\n')));
                return new Node(process, out, URI.create(m.group(1)), log);
            }
        }
        throw new IllegalStateException("the node exited before listening: " + out);
    }

    /// `java -jar target/compressor.jar serve` (or the command `args` give) with exactly these COMPRESSOR_*
    /// variables, not yet started.
    static ProcessBuilder command(List<String> jvmOptions, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Duser.timezone=UTC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", PACKAGED.toString()));
        command.addAll(args.length == 0 ? List.of("serve") : List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("COMPRESSOR_"));
        builder.environment().put(TestEngine.VARIABLE, String.join(":", TestEngine.libraries()));
        builder.environment().putAll(env);
        return builder;
    }

    URI url() {
        return url;
    }

    String out() {
        return out.toString();
    }

    /// SIGKILL: the node dies holding whatever it holds.
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /// SIGTERM, then its exit status.
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            printThreads(); // why it did not stop, for the next reader of the test's output
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /// The node's threads (`jcmd PID Thread.print`) and the end of its output, on stderr.
    private void printThreads() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String threads = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String output = out.toString();
            String errors = java.nio.file.Files.readString(log);
            System.err.println("The node " + process.pid() + " did not stop within 90 s of SIGTERM. Its threads:\n" + threads
                    + "\nThe end of its output:\n" + output.substring(Math.max(0, output.length() - 4000))
                    + "\nThe end of its log:\n" + errors.substring(Math.max(0, errors.length() - 4000)));
        } catch (IOException e) {
            System.err.println("The node " + process.pid() + " did not stop within 90 s of SIGTERM; jcmd failed: " + e);
        }
    }
}
