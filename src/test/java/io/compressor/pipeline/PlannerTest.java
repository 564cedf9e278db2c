package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PlannerTest {
    private static Optional<Resize> box(String mode, int w, int h, String gravity, boolean upscale) {
        return Optional.of(new Resize(w, h, ResizeMode.valueOf(mode), Gravity.valueOf(gravity), upscale, Color.WHITE));
    }

    /// Worked examples: source, orientation, options → scaled size, crop or pad, output size.
    @ParameterizedTest(name = "{0}x{1} o{2} {3} {4}x{5} {6} up={7}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // source     |o| mode |  box      | gravity    |up   | scaled    | crop/pad          | output
            "4000|3000|1| AUTO | 640|480  | CENTER     |false| 640|480   | -                 | 640|480",
            "4000|3000|1| AUTO | 640|0    | CENTER     |false| 640|480   | -                 | 640|480",
            "4000|3000|1| AUTO | 0|300    | CENTER     |false| 400|300   | -                 | 400|300",
            "4000|3000|6| AUTO | 640|640  | CENTER     |false| 480|640   | -                 | 480|640",
            "400|300  |1| AUTO | 800|800  | CENTER     |false| 400|300   | -                 | 400|300",
            "400|300  |1| AUTO | 800|800  | CENTER     |true | 800|600   | -                 | 800|600",
            "4000|3000|1| FIT  | 300|300  | CENTER     |true | 400|300   | crop 50,0 300x300 | 300|300",
            "4000|3000|1| FIT  | 300|300  | LEFT       |true | 400|300   | crop 0,0 300x300  | 300|300",
            "4000|3000|1| FIT  | 300|300  | BOTTOM_RIGHT|true| 400|300   | crop 100,0 300x300| 300|300",
            "3000|4000|1| FIT  | 300|300  | TOP        |true | 300|400   | crop 0,0 300x300  | 300|300",
            "3000|4000|1| FIT  | 300|300  | BOTTOM     |true | 300|400   | crop 0,100 300x300| 300|300",
            "4000|3000|8| FIT  | 300|300  | BOTTOM     |true | 300|400   | crop 0,100 300x300| 300|300",
            "200|100  |1| FIT  | 300|300  | CENTER     |true | 600|300   | crop 150,0 300x300| 300|300",
            "200|100  |1| FIT  | 300|300  | CENTER     |false| 200|100   | -                 | 200|100",
            "4000|3000|1| FILL | 300|300  | CENTER     |true | 300|225   | pad 300x300 @0,38 | 300|300",
            "4000|3000|1| FILL | 300|300  | TOP        |true | 300|225   | pad 300x300 @0,0  | 300|300",
            "200|100  |1| FILL | 300|300  | CENTER     |false| 200|100   | pad 300x300 @50,100| 300|300",
            "4000|3000|1| EXACT| 300|300  | CENTER     |true | 300|300   | -                 | 300|300",
            "200|100  |1| EXACT| 300|300  | CENTER     |false| 200|100   | -                 | 200|100",
            "4000|3000|1| CROP | 300|200  | CENTER     |false| 4000|3000 | crop 1850,1400 300x200| 300|200",
            "4000|3000|5| CROP | 300|200  | TOP_LEFT   |false| 3000|4000 | crop 0,0 300x200  | 300|200",
            "200|100  |1| CROP | 300|200  | CENTER     |false| 200|100   | -                 | 200|100",
    })
    void workedExamples(int sw, int sh, int orientation, String mode, int bw, int bh, String gravity, boolean up,
            int scaledW, int scaledH, String change, int outW, int outH) {
        Geometry g = Planner.plan(sw, sh, orientation, box(mode, bw, bh, gravity, up));
        assertThat(g.scaledWidth()).isEqualTo(scaledW);
        assertThat(g.scaledHeight()).isEqualTo(scaledH);
        assertThat(describe(g)).isEqualTo(change == null ? "-" : change);
        assertThat(g.outputWidth()).isEqualTo(outW);
        assertThat(g.outputHeight()).isEqualTo(outH);
    }

    private static String describe(Geometry g) {
        if (g.crop().isPresent()) {
            Region c = g.crop().get();
            return "crop " + c.left() + "," + c.top() + " " + c.width() + "x" + c.height();
        }
        return g.pad().map(p -> "pad " + p.width() + "x" + p.height() + " @" + p.left() + "," + p.top()).orElse("-");
    }

    /// Every mode × orientation 1–8 × portrait/landscape/small × upscale, checked against the rules of API.md.
    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        int[][] sources = {{4000, 3000}, {3000, 4000}, {120, 80}, {1, 5000}};
        for (ResizeMode mode : ResizeMode.values()) {
            for (int orientation = 1; orientation <= 8; orientation++) {
                for (int[] s : sources) {
                    for (boolean up : new boolean[] {true, false}) {
                        cases.add(Arguments.of(mode, orientation, s[0], s[1], up));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} o{1} {2}x{3} up={4}")
    @MethodSource("everyCase")
    void rulesHoldForEveryCase(ResizeMode mode, int orientation, int sw, int sh, boolean up) {
        int bw = 640;
        int bh = 480;
        Geometry g = Planner.plan(sw, sh, orientation, Optional.of(new Resize(bw, bh, mode, Gravity.CENTER, up, Color.WHITE)));
        boolean turned = orientation >= 5;
        assertThat(g.orientedWidth()).isEqualTo(turned ? sh : sw);
        assertThat(g.orientedHeight()).isEqualTo(turned ? sw : sh);
        int w = g.orientedWidth();
        int h = g.orientedHeight();
        boolean fitsInside = w <= bw && h <= bh;
        if (!up) {
            assertThat(g.scaledWidth()).isLessThanOrEqualTo(Math.max(w, 1));
            assertThat(g.scaledHeight()).isLessThanOrEqualTo(Math.max(h, 1));
        }
        g.crop().ifPresent(c -> {
            assertThat(c.left() + c.width()).isLessThanOrEqualTo(g.scaledWidth());
            assertThat(c.top() + c.height()).isLessThanOrEqualTo(g.scaledHeight());
        });
        g.pad().ifPresent(p -> {
            assertThat(p.left() + g.scaledWidth()).isLessThanOrEqualTo(p.width());
            assertThat(p.top() + g.scaledHeight()).isLessThanOrEqualTo(p.height());
        });
        switch (mode) {
            case AUTO -> {
                assertThat(g.outputWidth()).isLessThanOrEqualTo(Math.max(bw, up ? bw : w));
                if (up || !fitsInside) {
                    assertThat(g.outputWidth() <= bw && g.outputHeight() <= bh).isTrue();
                    assertThat(g.outputWidth() == bw || g.outputHeight() == bh).isTrue();
                }
                assertAspectKept(w, h, g);
            }
            case FIT -> {
                if (up) {
                    assertThat(List.of(g.outputWidth(), g.outputHeight())).containsExactly(bw, bh);
                }
                assertAspectKept(w, h, g);
            }
            case FILL -> {
                assertThat(List.of(g.outputWidth(), g.outputHeight())).containsExactly(bw, bh);
                assertAspectKept(w, h, g);
            }
            case EXACT -> assertThat(List.of(g.outputWidth(), g.outputHeight()))
                    .containsExactly(up ? bw : Math.min(bw, w), up ? bh : Math.min(bh, h));
            case CROP -> {
                assertThat(g.scales()).isFalse();
                assertThat(List.of(g.outputWidth(), g.outputHeight())).containsExactly(Math.min(bw, w), Math.min(bh, h));
            }
        }
    }

    /// The aspect ratio is kept to within the rounding of a pixel on the shorter side (a side cannot go below 1).
    private static void assertAspectKept(int w, int h, Geometry g) {
        if (Math.min(g.scaledWidth(), g.scaledHeight()) == 1) {
            return;
        }
        double expected = (double) w / h;
        double actual = (double) g.scaledWidth() / g.scaledHeight();
        double tolerance = expected * (1.0 / Math.min(g.scaledWidth(), g.scaledHeight())) + 1e-9;
        assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(tolerance * 1.01 + expected * 0.01);
    }
}
