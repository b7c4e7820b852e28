package dev.simstack.sample.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run's traffic would have cost on AWS at list prices: the {@link CostUsage} priced with a
 * {@link PriceTable}, per service and in total, for the orders sent and scaled to a million of them.
 *
 * @param lines one per billed quantity, in print order
 * @param orders the orders the run sent
 * @param prices where the prices came from
 */
record CostEstimate(List<Line> lines, int orders, String prices) {

    /**
     * One billed quantity.
     *
     * @param service the service, as AWS names it
     * @param what the quantity and its unit
     * @param usd what it costs
     */
    record Line(String service, String what, double usd) {
    }

    static CostEstimate of(CostUsage usage, PriceTable prices, int orders) {
        String region = usage.region();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("API Gateway", count(usage.apiRequests()) + " REST requests",
                usage.apiRequests() * prices.usd(region, "apigateway", "rest-request")));
        lines.add(new Line("SQS", count(usage.sqsRequests()) + " requests",
                usage.sqsRequests() * prices.usd(region, "sqs", "request")));
        lines.add(new Line("Lambda", count(usage.lambdaRequests()) + " requests",
                usage.lambdaRequests() * prices.usd(region, "lambda", "request")));
        lines.add(new Line("Lambda", String.format(Locale.ROOT, "%.3f GB-seconds", usage.lambdaGbSeconds()),
                usage.lambdaGbSeconds() * prices.usd(region, "lambda", "gb-second")));
        String writeItem = usage.globalTable() ? "replicated-write-request-unit" : "write-request-unit";
        usage.writeUnits().forEach((writeRegion, units) -> lines.add(new Line("DynamoDB", count(units)
                + (usage.globalTable() ? " rWRU in " : " WRU in ") + writeRegion,
                units * prices.usd(writeRegion, "dynamodb", writeItem))));
        lines.add(new Line("DynamoDB", count(usage.readUnits()) + " RRU",
                usage.readUnits() * prices.usd(region, "dynamodb", "read-request-unit")));
        lines.add(new Line("S3", count(usage.s3Puts()) + " PUTs",
                usage.s3Puts() * prices.usd(region, "s3", "put-request")));
        lines.add(new Line("S3", count(usage.s3Gets()) + " GETs",
                usage.s3Gets() * prices.usd(region, "s3", "get-request")));
        lines.add(new Line("S3", String.format(Locale.ROOT, "%.2e GB-months", usage.s3GbMonths()),
                usage.s3GbMonths() * prices.usd(region, "s3", "storage-gb-month")));
        return new CostEstimate(List.copyOf(lines), orders, prices.describe());
    }

    /** The cost per service, in print order. */
    Map<String, Double> byService() {
        Map<String, Double> services = new LinkedHashMap<>();
        lines.forEach(line -> services.merge(line.service(), line.usd(), Double::sum));
        return services;
    }

    double total() {
        return lines.stream().mapToDouble(Line::usd).sum();
    }

    /** The total scaled to a million orders of the same mix (the same throttled share). */
    double perMillionOrders() {
        return orders == 0 ? 0 : total() / orders * 1_000_000;
    }

    /** The block the summary and the report show: a line per service with its parts, the total, the source. */
    String text() {
        StringBuilder out = new StringBuilder();
        byService().forEach((service, usd) -> out.append(String.format(Locale.ROOT, "  %-12s %11s   %s%n", service,
                usd(usd), String.join(" + ", lines.stream().filter(l -> l.service().equals(service))
                        .map(l -> l.what() + " " + usd(l.usd())).toList()))));
        out.append(String.format(Locale.ROOT, "  %-12s %11s   for %s orders sent; per 1M orders of the same mix: %s%n",
                "total", usd(total()), count(orders), usd(perMillionOrders())));
        out.append("  prices: ").append(prices).append(" (list prices, no free tier)\n");
        return out.toString();
    }

    /** Dollars with enough digits to see a small run's cost: {@code $0.003512}, {@code $12.45}. */
    static String usd(double value) {
        if (value == 0) {
            return "$0";
        }
        return value >= 1 ? String.format(Locale.ROOT, "$%,.2f", value) : String.format(Locale.ROOT, "$%.6f", value);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
