package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.arn.ResourceArns;

/**
 * Where a queue is: its region, account and name, and so its ARN ({@code arn:aws:sqs:region:account:name})
 * and URL.
 *
 * <p>Deviation from AWS: the URL is {@code http://{host}/{account}/{name}}, where host is the Host header
 * the client used, not {@code https://sqs.{region}.amazonaws.com/...}, because one SimStack endpoint
 * serves every region. A URL therefore does not name its region: the queue is looked up in the region the
 * request was signed for, so a URL of a us-west-2 queue used by a us-east-1 client finds no queue.
 */
record QueueAddress(String region, String accountId, String name) {

    /** The queue's identity, as the ledger and handles name it. */
    ResourceRef ref() {
        return ResourceRef.queue(region, accountId, name);
    }

    String arn() {
        return ref().arn();
    }

    String url(String host) {
        return "http://" + (host == null || host.isEmpty() ? "localhost" : host) + "/" + accountId + "/" + name;
    }

    /** The address an ARN names, or null if {@code arn} is not an SQS queue ARN. */
    static QueueAddress fromArn(String arn) {
        ResourceRef ref = ResourceArns.of(AwsService.SQS, arn);
        return ref == null ? null : new QueueAddress(ref.region(), ref.account(), ref.name());
    }

    /**
     * The queue name in a queue URL ({@code scheme://host/account/name}, or just {@code /account/name}),
     * after checking that the URL is for {@code accountId}.
     */
    static String nameFromUrl(String url, String accountId) {
        int end = url.endsWith("/") ? url.length() - 1 : url.length();
        int slash = url.lastIndexOf('/', end - 1);
        if (slash < 0 || slash == end - 1) {
            throw SqsErrors.invalidAddress(url);
        }
        int previous = url.lastIndexOf('/', slash - 1);
        if (previous < 0) {
            throw SqsErrors.invalidAddress(url);
        }
        String account = url.substring(previous + 1, slash);
        if (!account.equals(accountId) && !account.equals("queue")) {
            throw SqsErrors.queueDoesNotExist();
        }
        return url.substring(slash + 1, end);
    }
}
