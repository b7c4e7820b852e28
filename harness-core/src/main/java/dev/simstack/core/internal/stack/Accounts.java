package dev.simstack.core.internal.stack;

import dev.simstack.core.internal.services.apigateway.ApiGatewayService;
import dev.simstack.core.internal.services.iam.IamService;
import dev.simstack.core.internal.services.s3.S3Service;
import dev.simstack.core.internal.services.sts.StsService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The accounts of one stack: the default account's services, built with the stack, and every other
 * account's, built on the first request that acts in it. Which account a request acts in is read from its
 * access key id, as LocalStack reads it: twelve digits name the account; a key IAM created ({@code AKIA...})
 * acts in the account of its user; session credentials STS issued ({@code ASIA...}) in the account of the
 * role or user they stand for; any other key, and an unsigned request, in the default account.
 */
final class Accounts {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final AccountServices home;
    private final Function<String, AccountServices> factory;
    private final ConcurrentMap<String, AccountServices> others = new ConcurrentHashMap<>();

    /** @param factory builds the services of an account other than the default one */
    Accounts(AccountServices home, Function<String, AccountServices> factory) {
        this.home = home;
        this.factory = factory;
    }

    /** The default account's services. */
    AccountServices home() {
        return home;
    }

    /** The services of {@code accountId}, built now if this is the account's first request. */
    AccountServices of(String accountId) {
        return accountId.equals(home.accountId()) ? home : others.computeIfAbsent(accountId, factory);
    }

    /** The services of {@code accountId} if it has had a request (or is the default), else null; builds nothing. */
    AccountServices existing(String accountId) {
        return accountId.equals(home.accountId()) ? home : others.get(accountId);
    }

    /**
     * The account a request signed with {@code accessKeyId} for service {@code signingName} acts in. STS is
     * the exception for session credentials: it answers in the account that issued them, the one that knows
     * whom they stand for.
     */
    AccountServices signedBy(String accessKeyId, String signingName) {
        if (accessKeyId == null) {
            return home;
        }
        if (ACCOUNT_ID.matcher(accessKeyId).matches()) {
            return of(accessKeyId);
        }
        if (accessKeyId.startsWith("AKIA")) {
            for (AccountServices account : built()) {
                IamService iam = account.iam().peek();
                if (iam != null && iam.ownsAccessKey(accessKeyId)) {
                    return account;
                }
            }
        } else if (accessKeyId.startsWith("ASIA")) {
            for (AccountServices account : built()) {
                StsService sts = account.sts().peek();
                String actsIn = sts == null ? null : sts.accountOf(accessKeyId);
                if (actsIn != null) {
                    return "sts".equals(signingName) ? account : of(actsIn);
                }
            }
        }
        return home;
    }

    /** The account whose API Gateway holds API {@code apiId}, or null when none does. */
    AccountServices ownerOfApi(String apiId) {
        for (AccountServices account : built()) {
            ApiGatewayService apis = account.apiGateway().peek();
            if (apis != null && apis.apiName(apiId) != null) {
                return account;
            }
        }
        return null;
    }

    /** The account that owns bucket {@code name} (bucket names are global across accounts), or null. */
    AccountServices ownerOfBucket(String name) {
        for (AccountServices account : built()) {
            S3Service s3 = account.s3().peek();
            if (s3 != null && s3.hasBucket(name)) {
                return account;
            }
        }
        return null;
    }

    /** Whether no account but the default one has been built: nothing can cross accounts yet. */
    boolean onlyDefault() {
        return others.isEmpty();
    }

    /** Every account built so far, the default one first. */
    List<AccountServices> built() {
        List<AccountServices> all = new ArrayList<>(1 + others.size());
        all.add(home);
        all.addAll(others.values());
        return all;
    }
}
