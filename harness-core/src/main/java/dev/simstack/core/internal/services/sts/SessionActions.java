package dev.simstack.core.internal.services.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.arn.ResourceArns;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.iam.IamStore;
import dev.simstack.core.internal.services.iam.UniqueIds;
import dev.simstack.core.internal.services.iam.Violations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/** GetCallerIdentity, AssumeRole and GetSessionToken, with the bounds of STS's model. */
final class SessionActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    /** AssumeRole: 15 minutes to 12 hours, one hour by default (and no longer than the role allows). */
    private static final int ROLE_SESSION_MIN = 900;
    private static final int ROLE_SESSION_MAX = 43200;
    private static final int ROLE_SESSION_DEFAULT = 3600;
    /** GetSessionToken: 15 minutes to 36 hours, 12 hours by default. */
    private static final int TOKEN_MAX = 129600;
    private static final int TOKEN_DEFAULT = 43200;

    private final StackContext context;
    private final UniqueIds ids;
    private final Function<String, IamStore.RoleSummary> roles;
    private final BiFunction<String, String, IamStore.UserSummary> users;
    private final Map<String, CallerIdentity> issued;

    SessionActions(StackContext context, UniqueIds ids, Function<String, IamStore.RoleSummary> roles,
            BiFunction<String, String, IamStore.UserSummary> users, Map<String, CallerIdentity> issued) {
        this.context = context;
        this.ids = ids;
        this.roles = roles;
        this.users = users;
        this.issued = issued;
    }

    void register(OperationTable<StsService.StsOperation> operations) {
        operations.put("GetCallerIdentity", this::getCallerIdentity);
        operations.put("AssumeRole", this::assumeRole);
        operations.put("GetSessionToken", this::getSessionToken);
    }

    private JsonNode getCallerIdentity(DecodedCall call, Input input) {
        CallerIdentity caller = caller(call);
        return NODES.objectNode().put("UserId", caller.userId()).put("Account", caller.account())
                .put("Arn", caller.arn());
    }

    private JsonNode assumeRole(DecodedCall call, Input input) {
        String roleArn = input.string("RoleArn");
        String sessionName = input.string("RoleSessionName");
        Integer duration = input.integer("DurationSeconds");
        new Violations().required("RoleArn", roleArn).length("RoleArn", roleArn, 20, 2048)
                .required("RoleSessionName", sessionName).length("RoleSessionName", sessionName, 2, 64)
                .pattern("RoleSessionName", sessionName, SESSION_NAME)
                .range("DurationSeconds", duration, ROLE_SESSION_MIN, ROLE_SESSION_MAX).check();
        ResourceRef role = ResourceArns.of(AwsService.IAM, roleArn);
        if (role == null || !ACCOUNT.matcher(role.account()).matches()) {
            throw Violations.validationError(roleArn + " is invalid");
        }
        String roleName = role.name().substring(role.name().lastIndexOf('/') + 1);
        // A role of this stack's account lends its id and session limit; another account's is taken on trust.
        IamStore.RoleSummary stored = role.account().equals(context.accountId()) ? roles.apply(roleName) : null;
        int seconds = duration == null ? ROLE_SESSION_DEFAULT : duration;
        if (stored != null && seconds > stored.maxSessionDuration()) {
            throw Violations.validationError(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        String roleId = stored != null ? stored.roleId() : ids.uniqueId("AROA");
        String assumedArn = new ResourceRef(AwsService.STS, "", role.account(), roleName + "/" + sessionName).arn();
        CallerIdentity identity = new CallerIdentity(role.account(), roleId + ":" + sessionName, assumedArn);
        ObjectNode output = NODES.objectNode();
        output.set("Credentials", credentials(call, seconds, identity));
        output.putObject("AssumedRoleUser").put("AssumedRoleId", identity.userId()).put("Arn", assumedArn);
        output.put("PackedPolicySize", 0);
        return output;
    }

    private JsonNode getSessionToken(DecodedCall call, Input input) {
        Integer duration = input.integer("DurationSeconds");
        new Violations().range("DurationSeconds", duration, ROLE_SESSION_MIN, TOKEN_MAX).check();
        ObjectNode output = NODES.objectNode();
        output.set("Credentials", credentials(call, duration == null ? TOKEN_DEFAULT : duration, caller(call)));
        return output;
    }

    /** New session credentials standing for {@code identity}, expiring {@code seconds} from now on the stack clock. */
    private ObjectNode credentials(DecodedCall call, int seconds, CallerIdentity identity) {
        String accessKeyId = ids.accessKeyId("ASIA");
        issued.put(accessKeyId, identity);
        Instant expiration = call.arrival().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
        return NODES.objectNode().put("AccessKeyId", accessKeyId).put("SecretAccessKey", ids.secretAccessKey())
                .put("SessionToken", ids.sessionToken()).put("Expiration", expiration.toString());
    }

    /**
     * Who signed {@code call}: the identity of credentials this stack issued, or the IAM user of an access
     * key this stack created; otherwise the root user of the account a twelve-digit access key id names (as
     * LocalStack reads it), or of the stack's account.
     */
    private CallerIdentity caller(DecodedCall call) {
        String key = call.accessKeyId();
        CallerIdentity known = key == null ? null : issued.get(key);
        if (known != null) {
            return known;
        }
        // Only IAM's long-term keys start AKIA; other keys (test, twelve digits) never ask IAM.
        IamStore.UserSummary user = key != null && key.startsWith("AKIA") ? users.apply(key, call.region()) : null;
        if (user != null) {
            return new CallerIdentity(context.accountId(), user.userId(), user.arn());
        }
        return CallerIdentity.root(key != null && ACCOUNT.matcher(key).matches() ? key : context.accountId());
    }
}
