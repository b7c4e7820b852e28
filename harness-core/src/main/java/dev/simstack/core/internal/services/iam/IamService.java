package dev.simstack.core.internal.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.QueryShapes;
import dev.simstack.core.internal.protocol.QueryShapes.Rule;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * AWS IAM (API version 2010-05-08) over the Query protocol, its only one: roles with trust policies, users
 * with access keys, groups, instance profiles, customer managed policies with versions, and the attached and
 * inline policies of roles, users and groups. Global: one store per stack
 * whatever region a call is signed for. Policies are stored and checked for their grammar, never enforced:
 * every call to every service is allowed, whatever the caller's policies say.
 */
public final class IamService implements Service {

    /** IAM's lists travel as {@code Tags.member.1.Key}; its outputs wrap list elements in {@code <member>}. */
    private static final QueryShapes SHAPES = QueryShapes.builder("https://iam.amazonaws.com/doc/2010-05-08/")
            .input("Tags", Rule.list("Tags"))
            .input("TagKeys", Rule.list("TagKeys"))
            .build();

    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("iam", null, "1.0",
            "com.amazonaws.iam", false, false, SHAPES);

    private final IamStore store;
    private final AccessKeyActions accessKeys;
    private final OperationTable<IamOperation> operations = OperationTable.forJsonAndQuery(DESCRIPTOR);

    public IamService(StackContext context) {
        this.store = new IamStore(context.accountId());
        UniqueIds ids = new UniqueIds(context.ids());
        new RoleActions(store, ids, context.clock()).register(operations);
        PolicyActions policies = new PolicyActions(store, ids, context.clock());
        policies.register(operations);
        new PolicyVersionActions(store, policies, context.clock()).register(operations);
        for (IdentityKind kind : IdentityKind.values()) {
            new IdentityPolicyActions(store, kind).register(operations);
        }
        new InstanceProfileActions(store, ids, context.clock()).register(operations);
        new UserActions(store, ids, context.clock()).register(operations);
        new GroupActions(store, ids, context.clock()).register(operations);
        this.accessKeys = new AccessKeyActions(store, ids, context.clock());
        accessKeys.register(operations);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        IamOperation operation = operations.handler(call);
        // IAM is a control plane called a few times per deployment: one lock for the whole store keeps
        // attach counts and role policies consistent without finer locking.
        synchronized (store) {
            accessKeys.used(call.accessKeyId(), DESCRIPTOR.signingName(), call.region());
            return CompletableFuture.completedFuture(operation.invoke(call, new Input(call.input())));
        }
    }

    /**
     * What STS reads of the user whose access key {@code accessKeyId} is (null if none is), noting that the
     * key signed a call to STS in {@code region}, for GetAccessKeyLastUsed.
     */
    public IamStore.UserSummary keyOwner(String accessKeyId, String region) {
        synchronized (store) {
            accessKeys.used(accessKeyId, "sts", region);
            return store.keyOwner(accessKeyId);
        }
    }

    /**
     * Whether {@code accessKeyId} is an access key of a user of this account; unlike {@link #keyOwner} it
     * records no use of the key (the engine asks it to learn which account a request acts in).
     */
    public boolean ownsAccessKey(String accessKeyId) {
        synchronized (store) {
            return store.keyOwner(accessKeyId) != null;
        }
    }

    /** What STS reads of the roles it assumes. */
    public IamStore.RoleSummary role(String name) {
        synchronized (store) {
            return store.summary(name);
        }
    }

    /** The store, for a data directory's snapshots (which take its lock). */
    IamStore store() {
        return store;
    }

    @Override
    public Runnable reset() {
        synchronized (store) {
            store.clear();
        }
        return () -> { };
    }

    @Override
    public void close() {
        // no timers or waiters
    }
}
