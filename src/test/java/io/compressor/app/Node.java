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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The packaged jar running `serve` as its own process, as an operator runs it.
final class Node {
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
    private final Process process;
    private final StringBuffer out;
    private final URI url;

    private Node(Process process, StringBuffer out, URI url) {
        this.process = process;
        this.out = out;
        this.url = url;
    }

    /// Starts a node with exactly these COMPRESSOR_* variables, stderr appended to `log`.
    static Node start(Map<String, String> env, Path log) throws IOException {
        return start(List.of(), env, log);
    }

    /// As [#start(Map, Path)], with extra JVM options such as a heap limit.
    static Node start(List<String> jvmOptions, Map<String, String> env, Path log) throws IOException {
        Process process = command(jvmOptions, env).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        StringBuffer out = new StringBuffer();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            out.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> reader.lines().forEach(l -> out.append(l).append('\n')));
                return new Node(process, out, URI.create(m.group(1)));
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
        command.addAll(List.of("-jar", Path.of("target", "compressor.jar").toAbsolutePath().toString()));
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
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
