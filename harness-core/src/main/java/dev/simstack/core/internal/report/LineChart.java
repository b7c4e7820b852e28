package dev.simstack.core.internal.report;

import static dev.simstack.core.internal.report.Html.escape;
import static dev.simstack.core.internal.report.Html.px;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A step chart of one value per time bucket per series, drawn as SVG: a title, a y axis with round ticks and
 * grid lines, an x axis in seconds since the run's start, a tinted area under each line and a legend.
 */
final class LineChart {

    private static final int WIDTH = 660;
    private static final int HEIGHT = 290;
    private static final int LEFT = 56;
    private static final int RIGHT = 18;
    private static final int TOP = 44;
    private static final int PLOT_HEIGHT = 170;
    private static final int LEGEND_ROW = 18;

    private LineChart() {
    }

    /**
     * The chart of {@code series} (name to values per bucket of {@code axis}); {@code empty} is said instead when
     * there is none.
     */
    static String render(String title, String yLabel, Map<String, double[]> series, TimeAxis axis, String empty) {
        List<double[]> places = legendPlaces(series);
        int legendRows = places.isEmpty() ? 1 : (int) places.get(places.size() - 1)[1] + 1;
        int height = HEIGHT + (legendRows - 1) * LEGEND_ROW;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
        svg.append("<text class=\"ctitle\" x=\"").append(LEFT).append("\" y=\"22\">").append(escape(title))
                .append("</text>");
        if (series.isEmpty()) {
            svg.append("<text class=\"empty\" x=\"").append(WIDTH / 2).append("\" y=\"").append(TOP + PLOT_HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">").append(escape(empty)).append("</text></svg>");
            return svg.toString();
        }
        boolean counts = series.values().stream().flatMapToDouble(java.util.Arrays::stream).allMatch(v -> v == Math.rint(v));
        double max = niceMax(series.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(0), counts);
        axes(svg, yLabel, max, axis);
        int index = 0;
        for (Map.Entry<String, double[]> line : series.entrySet()) {
            line(svg, line.getValue(), max, Palette.series(index));
            index++;
        }
        index = 0;
        for (Map.Entry<String, double[]> line : series.entrySet()) {
            legend(svg, places.get(index), line.getKey(), line.getValue(), Palette.series(index));
            index++;
        }
        return svg.append("</svg>").toString();
    }

    /** Where each legend entry goes (x, row): side by side, wrapping to a new row at the chart's width. */
    private static List<double[]> legendPlaces(Map<String, double[]> series) {
        List<double[]> places = new ArrayList<>();
        double x = LEFT;
        int row = 0;
        for (Map.Entry<String, double[]> line : series.entrySet()) {
            double width = 17 + label(line.getKey()).length() * 7 + number(peak(line.getValue())).length() * 6.5 + 24;
            if (x + width > WIDTH - RIGHT && x > LEFT) {
                x = LEFT;
                row++;
            }
            places.add(new double[] {x, row});
            x += width;
        }
        return places;
    }

    private static double peak(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }

    private static String label(String name) {
        return name.length() > 28 ? name.substring(0, 27) + "…" : name;
    }

    private static void axes(StringBuilder svg, String yLabel, double max, TimeAxis axis) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4;
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 4.0;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(px(y)).append("\" y2=\"").append(px(y)).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(px(y + 4))
                    .append("\" text-anchor=\"end\">").append(number(value)).append("</text>");
        }
        for (long tick : axis.ticks(6)) {
            double x = LEFT + plotWidth * tick / axis.spanMillis();
            svg.append("<line class=\"axis\" x1=\"").append(px(x)).append("\" x2=\"").append(px(x)).append("\" y1=\"")
                    .append(TOP + PLOT_HEIGHT).append("\" y2=\"").append(TOP + PLOT_HEIGHT + 4).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(px(x)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 17)
                    .append("\" text-anchor=\"middle\">").append(escape(axis.label(tick))).append("</text>");
        }
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(TOP + PLOT_HEIGHT).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"/>");
        svg.append("<text class=\"tick\" x=\"").append(LEFT).append("\" y=\"").append(TOP - 8).append("\">")
                .append(escape(yLabel)).append("</text>");
    }

    private static void line(StringBuilder svg, double[] values, double max, String colour) {
        double step = (WIDTH - LEFT - RIGHT) / (double) values.length;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String y = px(TOP + PLOT_HEIGHT - PLOT_HEIGHT * values[i] / max);
            points.append(px(LEFT + i * step)).append(',').append(y).append(' ')
                    .append(px(LEFT + (i + 1) * step)).append(',').append(y).append(' ');
        }
        String base = px(TOP + PLOT_HEIGHT);
        svg.append("<polygon fill=\"").append(colour).append("\" fill-opacity=\"0.12\" points=\"").append(LEFT)
                .append(',').append(base).append(' ').append(points).append(px(WIDTH - RIGHT)).append(',')
                .append(base).append("\"/>");
        svg.append("<polyline fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"").append(points).append("\"/>");
    }

    private static void legend(StringBuilder svg, double[] place, String name, double[] values, String colour) {
        String x = px(place[0]);
        int y = TOP + PLOT_HEIGHT + 40 + (int) place[1] * LEGEND_ROW;
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 10).append("\" width=\"12\" height=\"12\"")
                .append(" rx=\"2\" fill=\"").append(colour).append("\"/>");
        svg.append("<text class=\"legend\" x=\"").append(px(place[0] + 17)).append("\" y=\"").append(y).append("\">")
                .append("<title>").append(escape(name)).append(", peak ").append(number(peak(values))).append("</title>")
                .append(escape(label(name))).append(" <tspan class=\"peak\">").append(number(peak(values)))
                .append("</tspan></text>");
    }

    /**
     * The top of the y axis: four equal steps of 1, 2, 2.5 or 5 times a power of ten that reach {@code value};
     * counts get whole steps, so no tick reads 0.25 messages.
     */
    static double niceMax(double value, boolean counts) {
        double raw = Math.max(value, counts ? 1 : 1e-9) / 4;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            double step = factor * power;
            if (step >= raw && (!counts || step == Math.rint(step))) {
                return 4 * step;
            }
        }
        return 40 * power;
    }

    private static String number(double value) {
        if (value == Math.rint(value)) {
            return Html.count((long) value);
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }
}
