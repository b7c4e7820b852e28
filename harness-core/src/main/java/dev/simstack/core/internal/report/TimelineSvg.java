package dev.simstack.core.internal.report;

import static dev.simstack.core.internal.report.Html.escape;
import static dev.simstack.core.internal.report.Html.px;

import java.util.List;

/**
 * The timeline as SVG: one lane per API, service, queue, function, table and bucket; in each, a stacked bar
 * per time bucket coloured by what happened (hover shows the counts), and the lane's totals under it.
 */
final class TimelineSvg {

    private static final int WIDTH = 1320;
    private static final int LABEL = 210;
    private static final int RIGHT = 16;
    private static final int ROW = 58;
    private static final int BAR = 30;
    private static final int TOP = 8;

    private TimelineSvg() {
    }

    static String render(List<Lane> lanes, TimeAxis axis) {
        if (lanes.isEmpty()) {
            return "<p class=\"empty\">The ledger is empty: nothing happened in this stack.</p>";
        }
        int height = TOP + lanes.size() * ROW + 30;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"timeline\">");
        double plot = WIDTH - LABEL - RIGHT;
        double step = plot / TimeAxis.BUCKETS;
        for (int row = 0; row < lanes.size(); row++) {
            lane(svg, lanes.get(row), TOP + row * ROW, step, axis, row);
        }
        int axisY = TOP + lanes.size() * ROW;
        svg.append("<line class=\"axis\" x1=\"").append(LABEL).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(axisY).append("\" y2=\"").append(axisY).append("\"/>");
        for (long tick : axis.ticks(10)) {
            double x = LABEL + plot * tick / axis.spanMillis();
            svg.append("<line class=\"grid\" x1=\"").append(px(x)).append("\" x2=\"").append(px(x)).append("\" y1=\"")
                    .append(TOP).append("\" y2=\"").append(axisY + 4).append("\"/>");
            svg.append("<text class=\"tick\" x=\"").append(px(x)).append("\" y=\"").append(axisY + 18)
                    .append("\" text-anchor=\"middle\">").append(escape(axis.label(tick))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static void lane(StringBuilder svg, Lane lane, int y, double step, TimeAxis axis, int row) {
        if (row % 2 == 0) {
            svg.append("<rect class=\"band\" x=\"0\" y=\"").append(y - 4).append("\" width=\"").append(WIDTH)
                    .append("\" height=\"").append(ROW).append("\"/>");
        }
        svg.append("<rect x=\"8\" y=\"").append(y + 2).append("\" width=\"4\" height=\"").append(BAR - 4)
                .append("\" rx=\"2\" fill=\"").append(lane.colour()).append("\"/>");
        svg.append("<text class=\"lgroup\" x=\"20\" y=\"").append(y + 11).append("\" fill=\"").append(lane.colour())
                .append("\">").append(escape(lane.group().toUpperCase(java.util.Locale.ROOT))).append("</text>");
        String name = lane.name().length() > 24 ? lane.name().substring(0, 23) + "…" : lane.name();
        svg.append("<text class=\"lname\" x=\"20\" y=\"").append(y + 27).append("\"><title>").append(escape(lane.name()))
                .append("</title>").append(escape(name)).append("</text>");
        int max = 1;
        for (int b = 0; b < TimeAxis.BUCKETS; b++) {
            max = Math.max(max, lane.bucketTotal(b));
        }
        for (int b = 0; b < TimeAxis.BUCKETS; b++) {
            bars(svg, lane, b, y, step, max, axis);
        }
        totals(svg, lane, y + BAR + 14);
    }

    /** The bucket's categories stacked bottom-up; a bucket with anything in it is at least 2 px tall. */
    private static void bars(StringBuilder svg, Lane lane, int b, int y, double step, int max, TimeAxis axis) {
        int total = lane.bucketTotal(b);
        if (total == 0) {
            return;
        }
        double height = Math.max(2, BAR * total / (double) max);
        double bottom = y + BAR;
        double x = LABEL + b * step;
        StringBuilder title = new StringBuilder(lane.group() + " " + lane.name() + ", "
                + axis.label(Math.round(b * axis.bucketSeconds() * 1000)) + " to "
                + axis.label(Math.round((b + 1) * axis.bucketSeconds() * 1000)) + ":");
        svg.append("<g>");
        for (int c = 0; c < lane.categories().length; c++) {
            int count = lane.at(c, b);
            if (count == 0) {
                continue;
            }
            double h = height * count / total;
            bottom -= h;
            svg.append("<rect x=\"").append(px(x + 0.5)).append("\" y=\"").append(px(bottom)).append("\" width=\"")
                    .append(px(Math.max(1, step - 1))).append("\" height=\"").append(px(h)).append("\" fill=\"")
                    .append(lane.colours()[c]).append("\"/>");
            title.append(' ').append(lane.categories()[c]).append(' ').append(count).append(',');
        }
        title.setLength(title.length() - 1);
        svg.append("<title>").append(escape(title)).append("</title></g>");
    }

    private static void totals(StringBuilder svg, Lane lane, int y) {
        double x = LABEL;
        for (int c = 0; c < lane.categories().length; c++) {
            long total = lane.total(c);
            if (total == 0) {
                continue;
            }
            String text = lane.categories()[c] + " " + Html.count(total);
            svg.append("<rect x=\"").append(px(x)).append("\" y=\"").append(y - 8).append("\" width=\"9\" height=\"9\"")
                    .append(" rx=\"2\" fill=\"").append(lane.colours()[c]).append("\"/>");
            svg.append("<text class=\"ltotal\" x=\"").append(px(x + 13)).append("\" y=\"").append(y).append("\">")
                    .append(escape(text)).append("</text>");
            x += 13 + text.length() * 6.6 + 14;
        }
    }
}
