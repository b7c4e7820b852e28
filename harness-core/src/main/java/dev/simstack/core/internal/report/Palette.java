package dev.simstack.core.internal.report;

import dev.simstack.core.AwsService;

/** The report's colours: one per service (close to the AWS console's), and a categorical set for series. */
final class Palette {

    static final String OK = "#2f9e44";
    static final String WARN = "#f08c00";
    static final String ERROR = "#e03131";
    static final String FAULT = "#9c36b5";
    static final String MUTED = "#868e96";

    /** Tableau 10, readable on white and distinct for the first ten series. */
    private static final String[] SERIES = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
        "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private Palette() {
    }

    /** The colour of a service, or grey for requests that named none. */
    static String of(AwsService service) {
        if (service == null) {
            return MUTED;
        }
        return switch (service) {
            case SQS -> "#d6336c";
            case LAMBDA -> "#e8590c";
            case DYNAMODB -> "#3b5bdb";
            case S3 -> "#5c940d";
            case APIGATEWAY -> "#7048e8";
            case IAM, STS, CLOUDFORMATION -> "#495057";
        };
    }

    /** A pale tint of a service's colour, for node fills. */
    static String tint(AwsService service) {
        return switch (service) {
            case SQS -> "#fff0f6";
            case LAMBDA -> "#fff4e6";
            case DYNAMODB -> "#edf2ff";
            case S3 -> "#f4fce3";
            case APIGATEWAY -> "#f3f0ff";
            case IAM, STS, CLOUDFORMATION -> "#f1f3f5";
        };
    }

    /** The colour of the {@code index}th series of a chart. */
    static String series(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    /** What a service is called in the report. */
    static String label(AwsService service) {
        if (service == null) {
            return "unknown";
        }
        return switch (service) {
            case SQS -> "SQS";
            case LAMBDA -> "Lambda";
            case DYNAMODB -> "DynamoDB";
            case S3 -> "S3";
            case APIGATEWAY -> "API Gateway";
            case IAM -> "IAM";
            case STS -> "STS";
            case CLOUDFORMATION -> "CloudFormation";
        };
    }
}
