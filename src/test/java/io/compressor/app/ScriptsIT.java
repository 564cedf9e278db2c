package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/// The set-up functions behind `./compressor` and `./scripts/test`, run by bash as an operator would.
class ScriptsIT {

    record Result(int exit, String output) {}

    /// Runs `script` after sourcing lib.sh, as a user who is not root (`nobody` when the suite runs as root).
    /// lib.sh is copied to a world-readable file first: the clone may sit where `nobody` cannot read (/root).
    private static Result asNonRoot(String script) throws Exception {
        Path lib = Files.createTempFile("compressor-lib", ".sh", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-r--r--")));
        try {
            Files.copy(Path.of("scripts/lib.sh"), lib, StandardCopyOption.REPLACE_EXISTING);
            return run(". '" + lib + "'; " + script);
        } finally {
            Files.delete(lib);
        }
    }

    private static Result run(String command) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> argv = root ? List.of("su", "nobody", "-s", "/bin/bash", "-c", command) : List.of("bash", "-c", command);
        Process p = new ProcessBuilder(argv).directory(Path.of("/tmp").toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }

    @Test
    void aMissingPackageAsNonRootPrintsTheExactAptCommandAndFails() throws Exception {
        Result r = asNonRoot("ensure_packages bash no-such-package-xyz; echo still-running");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("Missing Debian packages: no-such-package-xyz")
                .contains("sudo apt-get update && sudo apt-get install -y --no-install-recommends no-such-package-xyz")
                .doesNotContain("still-running");
    }

    @Test
    void installedPackagesNeedNothing() throws Exception {
        Result r = asNonRoot("ensure_packages bash && echo nothing-to-do");
        assertThat(r.exit()).isZero();
        assertThat(r.output()).contains("nothing-to-do");
    }

    @Test
    void aFailedFetchOfSharpsLibvipsRunsOnDebiansAndIsNotTriedAgainForADay() throws Exception {
        // the registry unreachable (a proxy that refuses), in a checkout of our own
        Result r = asNonRoot("ROOT=$(mktemp -d); export https_proxy=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9;"
                + " echo \"first=[$(sharp_libvips)]\"; echo \"second=[$(sharp_libvips)]\";"
                + " unset COMPRESSOR_VIPS_LIBRARY; engine_libraries; echo \"engine=[${COMPRESSOR_VIPS_LIBRARY:-}]\";"
                + " ls \"$ROOT/vendor\"; rm -rf \"$ROOT\"");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("cannot fetch https://registry.npmjs.org/@img/sharp-libvips-linux-")
                .contains("first=[]").contains("second=[]").contains("engine=[]")
                .contains("could not be fetched in the last day: the engine runs on Debian's libvips only")
                .containsPattern("sharp-libvips-linux-(x64|arm64)-[0-9.]+\\.failed");
        assertThat(r.output().split("Fetching sharp's libvips build", -1)).as("fetched once").hasSize(2);
    }

    @Test
    void theJarRunIsACopyThatARebuildDoesNotRewrite() throws Exception {
        Path target = Files.createTempDirectory("compressor-target");
        try {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path jar = Files.write(target.resolve("compressor.jar"), "first build".getBytes(StandardCharsets.UTF_8));
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));
            String run = "JAR=" + jar + "; first=$(run_copy); again=$(run_copy); echo \"first=$first again=$again\";"
                    + " exec 3<\"$first\"; printf 'second build' > " + jar + "; second=$(run_copy);"
                    + " echo \"second=$second\"; echo \"held=$(cat <&3)\"; ls " + target.resolve("run");
            Result r = asNonRoot(run);
            assertThat(r.exit()).as(r.output()).isZero();
            String first = r.output().replaceAll("(?s).*first=(\\S+) .*", "$1");
            assertThat(first).startsWith(target.resolve("run").toString()).isNotEqualTo(jar.toString());
            assertThat(r.output()).contains("again=" + first).doesNotContain("second=" + first + "\n")
                    .as("the running copy still reads the first build after the rebuild").contains("held=first build");
            assertThat(r.output().lines().filter(l -> l.startsWith("compressor-"))).as("old copies unlinked").hasSize(1);
        } finally {
            try (var files = Files.walk(target)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aMissingJava25StopsWithAClearMessage() throws Exception {
        Result r = asNonRoot("COMPRESSOR_JAVA_HOME=/no/such/jdk; JAVA_HOME=/no/such/jdk; require_java; echo still-running");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("Compressor needs Java 25 (Eclipse Temurin) at /no/such/jdk").doesNotContain("still-running");
    }
}
