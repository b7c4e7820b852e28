package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The one identity of a resource of a stack: its service, region, account and name. The ledger, service
 * calls, handles and fault plans all name resources with it, and every ARN the engine builds or parses goes
 * through {@link #arn()} and {@link #fromArn(String)}.
 *
 * <p>What {@code name} holds, per service: a queue's name (SQS), a table's name (DynamoDB), a bucket's name
 * (S3), a function's name without a version or alias (Lambda), and an API's id, as its ARN carries it (API
 * Gateway), a role's path and name without the leading slash, e.g. {@code service-role/worker} (IAM), and an
 * assumed role's name and session, e.g. {@code worker/session-1} (STS). IAM and STS ARNs carry no region,
 * so their references have it empty. S3 bucket ARNs carry neither region nor account ({@code arn:aws:s3:::receipts}), so a reference
 * parsed from one has both empty; the engine's own references to a bucket carry the region it lives in and
 * the stack's account.
 *
 * @param service the service
 * @param region the region, e.g. {@code us-east-1}; empty only for a bucket parsed from its ARN
 * @param account the twelve-digit account id; empty only for a bucket parsed from its ARN, or an API
 * @param name the resource's name (or an API's id)
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record ResourceRef(AwsService service, String region, String account, String name) {

    private static final String PREFIX = "arn:aws:";

    /** Checks that every part is given and the name is not empty. */
    public ResourceRef {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a " + service.signingName() + " resource needs a name");
        }
    }

    /** A queue. */
    public static ResourceRef queue(String region, String account, String name) {
        return new ResourceRef(AwsService.SQS, region, account, name);
    }

    /** A DynamoDB table. */
    public static ResourceRef table(String region, String account, String name) {
        return new ResourceRef(AwsService.DYNAMODB, region, account, name);
    }

    /** An S3 bucket living in {@code region}. */
    public static ResourceRef bucket(String region, String account, String name) {
        return new ResourceRef(AwsService.S3, region, account, name);
    }

    /** A Lambda function (unqualified). */
    public static ResourceRef function(String region, String account, String name) {
        return new ResourceRef(AwsService.LAMBDA, region, account, name);
    }

    /** An API Gateway REST API, by its id. */
    public static ResourceRef api(String region, String account, String apiId) {
        return new ResourceRef(AwsService.APIGATEWAY, region, account, apiId);
    }

    /**
     * The resource's ARN as AWS writes it: {@code arn:aws:sqs:us-east-1:000000000000:orders},
     * {@code arn:aws:dynamodb:...:table/orders}, {@code arn:aws:s3:::receipts},
     * {@code arn:aws:lambda:...:function:worker}, {@code arn:aws:apigateway:us-east-1::/restapis/a1b2c3}.
     */
    public String arn() {
        return switch (service) {
            case SQS -> PREFIX + "sqs:" + region + ":" + account + ":" + name;
            case DYNAMODB -> PREFIX + "dynamodb:" + region + ":" + account + ":table/" + name;
            case S3 -> PREFIX + "s3:::" + name;
            case LAMBDA -> PREFIX + "lambda:" + region + ":" + account + ":function:" + name;
            case APIGATEWAY -> PREFIX + "apigateway:" + region + "::/restapis/" + name;
            case IAM -> PREFIX + "iam::" + account + ":role/" + name;
            case STS -> PREFIX + "sts::" + account + ":assumed-role/" + name;
            case CLOUDFORMATION -> PREFIX + "cloudformation:" + region + ":" + account + ":stack/" + name;
        };
    }

    /** The same resource in another region (a global table's replica, a queue of the same name). */
    public ResourceRef inRegion(String otherRegion) {
        return new ResourceRef(service, otherRegion, account, name);
    }

    /**
     * The resource an ARN names. Sub-resource ARNs name their resource: a table's stream or index ARN its
     * table, a qualified function ARN (version or alias) its function, an object ARN its bucket, an
     * {@code execute-api} ARN its API.
     *
     * @throws IllegalArgumentException saying what is wrong, when {@code arn} is not the ARN of a queue,
     *     table, bucket, function or API
     */
    public static ResourceRef fromArn(String arn) {
        Objects.requireNonNull(arn, "arn");
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[1].isEmpty()) {
            throw malformed(arn, "an ARN has six parts, arn:partition:service:region:account:resource");
        }
        String region = parts[3];
        String account = parts[4];
        String resource = parts[5];
        ResourceRef ref = switch (parts[2]) {
            case "sqs" -> regional(AwsService.SQS, region, account, resource.contains(":") ? "" : resource);
            case "dynamodb" -> regional(AwsService.DYNAMODB, region, account, between(resource, "table/", '/'));
            case "s3" -> region.isEmpty() && account.isEmpty()
                    ? named(AwsService.S3, "", "", upTo(resource, '/')) : null;
            case "lambda" -> regional(AwsService.LAMBDA, region, account, between(resource, "function:", ':'));
            case "apigateway" -> region.isEmpty() ? null : named(AwsService.APIGATEWAY, region, account,
                    between(resource, resource.startsWith("/apis/") ? "/apis/" : "/restapis/", '/'));
            case "execute-api" -> regional(AwsService.APIGATEWAY, region, account, upTo(resource, '/'));
            case "iam" -> region.isEmpty() && !account.isEmpty()
                    ? named(AwsService.IAM, "", account, between(resource, "role/", '\0')) : null;
            case "sts" -> region.isEmpty() && !account.isEmpty()
                    ? named(AwsService.STS, "", account, between(resource, "assumed-role/", '\0')) : null;
            case "cloudformation" -> regional(AwsService.CLOUDFORMATION, region, account,
                    between(resource, "stack/", '\0'));
            default -> throw malformed(arn, "SimStack's services are sqs, dynamodb, s3, lambda, apigateway, iam,"
                    + " sts and cloudformation, not '"
                    + parts[2] + "'");
        };
        if (ref == null) {
            throw malformed(arn, "it is not the ARN of a " + parts[2] + " resource SimStack knows"
                    + " (e.g. " + example(parts[2]) + ")");
        }
        return ref;
    }

    private static ResourceRef regional(AwsService service, String region, String account, String name) {
        return region.isEmpty() || account.isEmpty() ? null : named(service, region, account, name);
    }

    private static ResourceRef named(AwsService service, String region, String account, String name) {
        return name == null || name.isEmpty() ? null : new ResourceRef(service, region, account, name);
    }

    /** The text after {@code prefix} up to {@code end} (or the end), or null if it does not start so. */
    private static String between(String text, String prefix, char end) {
        return text.startsWith(prefix) ? upTo(text.substring(prefix.length()), end) : null;
    }

    private static String upTo(String text, char end) {
        int at = text.indexOf(end);
        return at < 0 ? text : text.substring(0, at);
    }

    private static String example(String service) {
        return switch (service) {
            case "sqs" -> "arn:aws:sqs:us-east-1:000000000000:orders";
            case "dynamodb" -> "arn:aws:dynamodb:us-east-1:000000000000:table/orders";
            case "s3" -> "arn:aws:s3:::receipts";
            case "lambda" -> "arn:aws:lambda:us-east-1:000000000000:function:worker";
            case "iam" -> "arn:aws:iam::000000000000:role/worker";
            case "sts" -> "arn:aws:sts::000000000000:assumed-role/worker/session-1";
            default -> "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5";
        };
    }

    private static IllegalArgumentException malformed(String arn, String why) {
        return new IllegalArgumentException("'" + arn + "' is not a resource ARN SimStack can read: " + why);
    }

    /**
     * Component by component, as a record's own; written out because the record's generated one is
     * bootstrapped through method handles on its first call, which a fresh JVM pays on its first request
     * (the ledger and the services key maps by references).
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ResourceRef that && service == that.service
                && region.equals(that.region) && account.equals(that.account) && name.equals(that.name);
    }

    /** The value a record's generated hash code has ({@code 31 * h + c} over the components, in order). */
    @Override
    public int hashCode() {
        int hash = service.hashCode();
        hash = 31 * hash + region.hashCode();
        hash = 31 * hash + account.hashCode();
        return 31 * hash + name.hashCode();
    }

    @Override
    public String toString() {
        return service.signingName() + ":" + (region.isEmpty() ? "" : region + "/") + name;
    }
}
