package dev.simstack.core.internal.report;

import static dev.simstack.core.internal.report.Html.escape;
import static dev.simstack.core.internal.report.Html.px;

import dev.simstack.core.AwsService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resource diagram drawn in Java, so the report needs no script to show it: a layered layout, left to
 * right. Each resource goes one layer right of the furthest resource wired into it (a longest path, bounded
 * so a cycle cannot loop); a resource wired to nothing goes to its kind's usual place (APIs and buckets first,
 * tables last). Within a layer, resources sit near the average row of what feeds them.
 */
final class GraphSvg {

    private static final int NODE_WIDTH = 190;
    private static final int NODE_HEIGHT = 46;
    private static final int COLUMN = 300;
    private static final int ROW = 78;
    private static final int MARGIN = 24;
    private static final int LABEL_LINE = 13;

    private GraphSvg() {
    }

    static String render(ResourceGraph graph) {
        List<ResourceGraph.Node> nodes = graph.nodes();
        if (nodes.isEmpty()) {
            return "<p class=\"empty\">The stack has no resources.</p>";
        }
        Map<String, Integer> layers = layers(graph);
        Map<String, double[]> at = positions(graph, layers);
        double width = at.values().stream().mapToDouble(p -> p[0]).max().orElse(0) + NODE_WIDTH + MARGIN;
        double height = at.values().stream().mapToDouble(p -> p[1]).max().orElse(0) + NODE_HEIGHT + MARGIN + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"graph\" viewBox=\"0 0 ").append(px(width)).append(' ').append(px(height))
                .append("\" style=\"max-width:").append(px(width)).append("px\" role=\"img\" aria-label=\"resources\">")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\"")
                .append(" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#495057\"/>")
                .append("</marker></defs>");
        for (ResourceGraph.Edge edge : graph.edges()) {
            edge(svg, edge, at.get(edge.from()), at.get(edge.to()));
        }
        for (ResourceGraph.Node node : nodes) {
            node(svg, node, at.get(node.id()), graph.multiRegion());
        }
        return svg.append("</svg>").toString();
    }

    private static Map<String, Integer> layers(ResourceGraph graph) {
        Map<String, Integer> layer = new HashMap<>();
        Map<String, Boolean> wired = new HashMap<>();
        graph.nodes().forEach(node -> layer.put(node.id(), 0));
        graph.edges().forEach(edge -> {
            wired.put(edge.from(), true);
            wired.put(edge.to(), true);
        });
        for (int pass = 0; pass < graph.nodes().size(); pass++) {
            boolean changed = false;
            for (ResourceGraph.Edge edge : graph.edges()) {
                int next = layer.get(edge.from()) + 1;
                if (!edge.from().equals(edge.to()) && next > layer.get(edge.to()) && next < graph.nodes().size()) {
                    layer.put(edge.to(), next);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        int last = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (ResourceGraph.Node node : graph.nodes()) {
            if (!wired.containsKey(node.id())) {
                layer.put(node.id(), Math.min(Math.max(last, 1), usualLayer(node.service())));
            }
        }
        // Close the gaps a kind's usual place can leave (a stack of one queue has no layer 0).
        List<Integer> used = layer.values().stream().distinct().sorted().toList();
        layer.replaceAll((id, at) -> used.indexOf(at));
        return layer;
    }

    private static int usualLayer(AwsService service) {
        return switch (service) {
            case APIGATEWAY, S3, IAM, STS, CLOUDFORMATION -> 0;
            case SQS -> 1;
            case LAMBDA -> 2;
            case DYNAMODB -> 3;
        };
    }

    private static Map<String, double[]> positions(ResourceGraph graph, Map<String, Integer> layers) {
        Map<Integer, List<ResourceGraph.Node>> columns = new java.util.TreeMap<>();
        graph.nodes().forEach(node -> columns.computeIfAbsent(layers.get(node.id()), l -> new ArrayList<>()).add(node));
        Map<String, double[]> at = new HashMap<>();
        for (Map.Entry<Integer, List<ResourceGraph.Node>> column : columns.entrySet()) {
            List<ResourceGraph.Node> here = column.getValue();
            here.sort(Comparator.comparingDouble((ResourceGraph.Node node) -> feederRow(graph, node, at))
                    .thenComparing(node -> node.service().ordinal()).thenComparing(ResourceGraph.Node::label));
            for (int row = 0; row < here.size(); row++) {
                at.put(here.get(row).id(), new double[] {MARGIN + column.getKey() * COLUMN, MARGIN + row * ROW});
            }
        }
        return at;
    }

    /** The average row of the resources already placed that feed {@code node}, or a large number if none. */
    private static double feederRow(ResourceGraph graph, ResourceGraph.Node node, Map<String, double[]> at) {
        return graph.edges().stream().filter(edge -> edge.to().equals(node.id()) && at.containsKey(edge.from()))
                .mapToDouble(edge -> at.get(edge.from())[1]).average().orElse(1e9);
    }

    private static void node(StringBuilder svg, ResourceGraph.Node node, double[] p, boolean multiRegion) {
        String colour = Palette.of(node.service());
        svg.append("<g><title>").append(escape(Palette.label(node.service()) + " " + node.label()
                + (node.region().isEmpty() ? "" : " in " + node.region()))).append("</title>");
        svg.append("<rect x=\"").append(px(p[0])).append("\" y=\"").append(px(p[1])).append("\" width=\"")
                .append(NODE_WIDTH).append("\" height=\"").append(NODE_HEIGHT).append("\" rx=\"")
                .append(node.service() == AwsService.LAMBDA ? 23 : 8).append("\" fill=\"")
                .append(Palette.tint(node.service())).append("\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.6\"/>");
        String kind = Palette.label(node.service()) + (multiRegion && !node.region().isEmpty() ? " · " + node.region() : "");
        svg.append("<text class=\"nkind\" x=\"").append(px(p[0] + NODE_WIDTH / 2.0)).append("\" y=\"")
                .append(px(p[1] + 17)).append("\" fill=\"").append(colour).append("\">").append(escape(kind))
                .append("</text>");
        String label = node.label().length() > 26 ? node.label().substring(0, 25) + "…" : node.label();
        svg.append("<text class=\"nname\" x=\"").append(px(p[0] + NODE_WIDTH / 2.0)).append("\" y=\"")
                .append(px(p[1] + 35)).append("\">").append(escape(label)).append("</text></g>");
    }

    /** A curve from the right side of one box to the left side of the other; a backward edge loops below. */
    private static void edge(StringBuilder svg, ResourceGraph.Edge edge, double[] from, double[] to) {
        double x1 = from[0] + NODE_WIDTH;
        double y1 = from[1] + NODE_HEIGHT / 2.0;
        double x2 = to[0];
        double y2 = to[1] + NODE_HEIGHT / 2.0;
        String path;
        double lx;
        double ly;
        if (x2 > x1) {
            double bend = (x2 - x1) / 2;
            path = "M" + px(x1) + "," + px(y1) + " C" + px(x1 + bend) + "," + px(y1) + " " + px(x2 - bend) + ","
                    + px(y2) + " " + px(x2 - 2) + "," + px(y2);
            lx = (x1 + x2) / 2;
            ly = (y1 + y2) / 2 - 6;
        } else {
            double below = Math.max(from[1], to[1]) + NODE_HEIGHT + 22;
            path = "M" + px(from[0] + NODE_WIDTH / 2.0) + "," + px(from[1] + NODE_HEIGHT) + " C" + px(from[0]
                    + NODE_WIDTH / 2.0) + "," + px(below) + " " + px(to[0] + NODE_WIDTH / 2.0) + "," + px(below) + " "
                    + px(to[0] + NODE_WIDTH / 2.0) + "," + px(to[1] + NODE_HEIGHT + 2);
            lx = (from[0] + to[0]) / 2 + NODE_WIDTH / 2.0;
            ly = below - 4;
        }
        svg.append("<path class=\"edge\" d=\"").append(path).append("\" marker-end=\"url(#arrow)\"/>");
        // A joined label (two routes to one target) is one line per part, stacked above the edge: the gap
        // between two columns holds a route, not a list of them.
        List<String> parts = List.of(edge.label().split(", "));
        svg.append("<text class=\"elabel\" x=\"").append(px(lx)).append("\" y=\"").append(px(ly))
                .append("\" text-anchor=\"middle\">");
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i).length() > 30 ? parts.get(i).substring(0, 29) + "…" : parts.get(i);
            svg.append("<tspan x=\"").append(px(lx)).append("\" y=\"")
                    .append(px(ly - LABEL_LINE * (parts.size() - 1 - i))).append("\">").append(escape(part))
                    .append("</tspan>");
        }
        svg.append("</text>");
    }
}
