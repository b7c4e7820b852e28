package dev.simstack.core.internal.stack;

import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.ScratchDirectory;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.apigateway.ApiGatewayService;
import dev.simstack.core.internal.services.cloudformation.CloudFormationService;
import dev.simstack.core.internal.services.cloudformation.StackTemplates;
import dev.simstack.core.internal.services.dynamodb.DynamoDbService;
import dev.simstack.core.internal.services.dynamodb.streams.DynamoDbStreamsService;
import dev.simstack.core.internal.services.iam.IamService;
import dev.simstack.core.internal.services.lambda.LambdaService;
import dev.simstack.core.internal.services.s3.S3Service;
import dev.simstack.core.internal.services.sqs.SqsService;
import dev.simstack.core.internal.services.sts.StsService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services of one account of a stack: SQS, DynamoDB (and its streams), S3, Lambda, API Gateway, IAM, STS
 * and CloudFormation, each over state of its own, wired to each other only (a function's queue mapping, a
 * bucket's notifications and an API's integrations stay inside the account, as AWS's do without resource
 * policies). Every account shares the stack's clock, random and id sources, ledger, interceptors, scratch
 * directory and port through its {@link StackContext}, whose {@code accountId()} is this account.
 */
final class AccountServices {

    private static final Logger LOG = LoggerFactory.getLogger(AccountServices.class);

    private final StackContext context;
    private final ServiceRegistry registry = new ServiceRegistry();
    private final SqsService sqs;
    // Built on first use (start-up time): a stack that only uses queues never loads the others' classes.
    private final LazyService<DynamoDbService> dynamodb;
    private final LazyService<S3Service> s3;
    private final LazyService<LambdaService> lambda;
    private final LazyService<ApiGatewayService> apiGateway;
    private final LazyService<IamService> iam;
    private final LazyService<StsService> sts;
    /** Null for an account CloudFormation does not serve. */
    private final LazyService<CloudFormationService> cloudFormation;

    /**
     * @param shared what every account's services share: the default account's id, scratch directory, handler
     *     class loader, stack name, Lambda's limit and the stack's URL once the port is bound
     * @param templates CloudFormation's template support; null for an account CloudFormation does not serve
     */
    AccountServices(StackContext context, Shared shared, Supplier<StackTemplates> templates) {
        this.context = context;
        this.sqs = new SqsService(context);
        registry.register(sqs);
        this.s3 = new LazyService<>(S3Service.DESCRIPTOR, () -> new S3Service(context, shared.scratch(),
                new SqsQueueSink(sqs.port(), context), this::invokeFunction));
        // DynamoDB's exports and imports read and write this account's S3.
        this.dynamodb = new LazyService<>(DynamoDbService.DESCRIPTOR,
                () -> new DynamoDbService(context, new S3ForDynamoDb(s3::get, context.accountId())));
        registry.register(dynamodb);
        registry.register(new LazyService<>(DynamoDbStreamsService.DESCRIPTOR,
                () -> new DynamoDbStreamsService(context, region -> dynamodb.get().streamedTables(region))));
        registry.register(s3);
        this.lambda = new LazyService<>(LambdaService.DESCRIPTOR, () -> {
            LambdaService built = new LambdaService(context, sqs.port(), new SqsQueueSink(sqs.port(), context),
                    shared.lambdaConcurrencyLimit(), shared.handlers(), shared.stackName(), shared.scratch(),
                    this::functionCode, (region, streamArn) -> dynamodb.get().streamByArn(region, streamArn));
            String endpoint = shared.endpoint().get();
            if (endpoint != null) {
                built.endpoint(endpoint);
            }
            return built;
        });
        registry.register(lambda);
        this.apiGateway = new LazyService<>(ApiGatewayService.DESCRIPTOR,
                () -> new ApiGatewayService(context, lambda.get().port(), sqs.port()));
        registry.register(apiGateway);
        this.iam = new LazyService<>(IamService.DESCRIPTOR, () -> new IamService(context));
        registry.register(iam);
        this.sts = new LazyService<>(StsService.DESCRIPTOR, () -> new StsService(context, role -> iam.get().role(role),
                (accessKeyId, region) -> iam.get().keyOwner(accessKeyId, region)));
        registry.register(sts);
        this.cloudFormation = templates != null ? new LazyService<>(CloudFormationService.DESCRIPTOR,
                () -> new CloudFormationService(context, templates)) : null;
        registry.register(cloudFormation != null ? cloudFormation
                : new DefaultAccountOnly(CloudFormationService.DESCRIPTOR, context.accountId(),
                        shared.defaultAccountId()));
    }

    /** What the accounts of one stack share besides their {@link StackContext}. */
    record Shared(String defaultAccountId, ScratchDirectory scratch, ClassLoader handlers, String stackName,
            int lambdaConcurrencyLimit, Supplier<String> endpoint) {
    }

    StackContext context() {
        return context;
    }

    String accountId() {
        return context.accountId();
    }

    ServiceRegistry registry() {
        return registry;
    }

    SqsService sqs() {
        return sqs;
    }

    LazyService<DynamoDbService> dynamodb() {
        return dynamodb;
    }

    LazyService<S3Service> s3() {
        return s3;
    }

    LazyService<LambdaService> lambda() {
        return lambda;
    }

    LazyService<ApiGatewayService> apiGateway() {
        return apiGateway;
    }

    LazyService<IamService> iam() {
        return iam;
    }

    LazyService<StsService> sts() {
        return sts;
    }

    /** CloudFormation, served by the default account only: null for any other. */
    LazyService<CloudFormationService> cloudFormation() {
        return cloudFormation;
    }

    /** Stops Lambda's pollers first (they long-poll the queues), then closes every service. */
    void close() {
        lambda.close();
        registry.all().forEach(Service::close);
    }

    /**
     * S3's notifications invoke functions as AWS services do, asynchronously: the result is not awaited
     * (the function's failures show in the ledger and its logs, not to the notifying write).
     */
    private void invokeFunction(ResourceRef function, byte[] event, String trigger) {
        try {
            // An Event invocation, as S3 makes it: AWS's two retries and the function's destinations apply.
            lambda.get().port().invokeEvent(function, null, event, trigger);
        } catch (AwsException gone) {
            // The function was deleted after the notification was configured: AWS drops the event too.
            LOG.debug("S3 notification to {} dropped: {}", function, gone.getMessage());
        }
    }

    /**
     * The bytes of the S3 object a function's code names; a bucket of another region answers S3's
     * PermanentRedirect, as Lambda reads only from its own region.
     */
    private byte[] functionCode(String region, String bucket, String key, String versionId) {
        var view = s3.get().view(bucket);
        if (view != null && !view.region().equals(region)) {
            throw new AwsException("PermanentRedirect", 301, "The bucket is in this region: "
                    + view.region() + ". Please use this region to retry the request");
        }
        return s3.get().port().getObject(ResourceRef.bucket(region, context.accountId(), bucket), key, versionId)
                .bytes();
    }
}
