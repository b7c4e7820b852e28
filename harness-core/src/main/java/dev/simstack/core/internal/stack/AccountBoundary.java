package dev.simstack.core.internal.stack;

import dev.simstack.core.AwsException;
import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.SigV4Scope;
import dev.simstack.core.internal.protocol.WireProtocols;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.util.regex.Pattern;

/**
 * Where accounts meet: which account a request acts in, and the refusal of a signed request that reaches
 * into another account's resource. Resources have no resource policies here, so another account's queue (one
 * that exists), table or function is refused as AWS refuses it without one (AccessDenied); bucket names are global, as
 * on AWS, so another account's bucket is refused too, and taking its name answers BucketAlreadyExists.
 * Unsigned requests (API invocations, anonymous S3, plain {@code curl}) carry no account: they act in the
 * account of the resource they name.
 */
final class AccountBoundary {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final Accounts accounts;

    AccountBoundary(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The account a request acts in as far as its access key and path tell: an API invocation's is the API's. */
    AccountServices accountOf(HttpExchange exchange, SigV4Scope scope) {
        if (WireProtocols.isApiInvocation(exchange.path())) {
            AccountServices owner = accounts.ownerOfApi(apiIdOf(exchange.path()));
            if (owner != null) {
                return owner;
            }
        }
        return accounts.signedBy(scope.accessKeyId(), scope.service());
    }

    /**
     * The account an unsigned, decoded call acts in: the owner of the bucket it names, or the account its
     * queue URL or ARN names; else {@code account}.
     */
    AccountServices ofUnsigned(DecodedCall call, AccountServices account) {
        ResourceRef resource = call.resource().orElse(null);
        if (resource == null) {
            return account;
        }
        if (call.service() == AwsService.S3) {
            // Every S3 request asks: a stack of one account skips the search through its buckets.
            AccountServices owner = accounts.onlyDefault() ? null : accounts.ownerOfBucket(resource.name());
            return owner != null ? owner : account;
        }
        String named = resource.account();
        return named != null && ACCOUNT_ID.matcher(named).matches() ? accounts.of(named) : account;
    }

    /** The error answering a call that reaches into another account's resource, or null if it stays in its own. */
    AwsException refusal(DecodedCall call) {
        ResourceRef resource = call.resource().orElse(null);
        if (resource == null) {
            return null;
        }
        if (call.service() == AwsService.S3) {
            AccountServices owner = accounts.onlyDefault() ? null : accounts.ownerOfBucket(resource.name());
            return owner == null || owner.accountId().equals(call.accountId()) ? null : bucketOfAnother(call);
        }
        String named = resource.account();
        if (named == null || named.isEmpty() || named.equals(call.accountId())) {
            return null;
        }
        if (call.service() == AwsService.SQS) {
            // SQS refuses another account's queue that exists; one that does not is NonExistentQueue, which the
            // caller's own SQS answers.
            AccountServices owner = accounts.existing(named);
            boolean exists = owner != null && owner.sqs().hasQueue(resource.region(), resource.name());
            return exists ? queueOfAnother(call, resource) : null;
        }
        return notAuthorized(call, resource);
    }

    private static AwsException bucketOfAnother(DecodedCall call) {
        if (call.operation().equals("CreateBucket")) {
            return new RestXmlError("BucketAlreadyExists", 409, "The requested bucket name is not available. The"
                    + " bucket namespace is shared by all users of the system. Please select a different name and"
                    + " try again.");
        }
        return new RestXmlError("AccessDenied", 403, "Access Denied");
    }

    /** SQS's answer to a queue URL of another account whose queue policy does not let the caller in. */
    private static AwsException queueOfAnother(DecodedCall call, ResourceRef queue) {
        String url = call.input().path("QueueUrl").asText(queue.arn());
        return new AwsException("AccessDenied", "AccessDenied", 403, true,
                "Access to the resource " + url + " is denied.");
    }

    /** IAM's wording for a resource of another account that no resource-based policy opens. */
    private static AwsException notAuthorized(DecodedCall call, ResourceRef resource) {
        String action = call.signingName() + ":" + actionOf(call);
        String message = "User: arn:aws:iam::" + call.accountId() + ":root is not authorized to perform: " + action
                + " on resource: " + resource.arn() + " because no resource-based policy allows the " + action
                + " action";
        // DynamoDB answers its AccessDeniedException with status 400; Lambda and the others with 403.
        return new AwsException("AccessDeniedException", call.service() == AwsService.DYNAMODB ? 400 : 403, message);
    }

    /** The IAM action of an operation: its name, except Lambda's Invoke, which IAM calls InvokeFunction. */
    private static String actionOf(DecodedCall call) {
        return call.service() == AwsService.LAMBDA && call.operation().equals("Invoke") ? "InvokeFunction"
                : call.operation();
    }

    /** {@code /_aws/execute-api/{id}/...} or {@code /restapis/{id}/{stage}/_user_request_/...}. */
    private static String apiIdOf(String path) {
        String[] segments = path.split("/", 5);
        boolean executeApi = path.startsWith("/_aws/execute-api/");
        int index = executeApi ? 3 : 2;
        return segments.length > index ? segments[index] : "";
    }
}
