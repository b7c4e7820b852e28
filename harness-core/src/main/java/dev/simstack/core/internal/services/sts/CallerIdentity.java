package dev.simstack.core.internal.services.sts;

/**
 * Who a set of credentials stands for, as GetCallerIdentity answers it.
 *
 * @param account the twelve-digit account id
 * @param userId the caller's unique id: the account id for the root user, {@code AROA...:session} for an
 *     assumed role
 * @param arn the caller's ARN: {@code arn:aws:iam::<account>:root}, or the assumed role's
 */
record CallerIdentity(String account, String userId, String arn) {

    /** The account's root user, which any credentials the stack did not issue stand for. */
    static CallerIdentity root(String account) {
        return new CallerIdentity(account, account, "arn:aws:iam::" + account + ":root");
    }
}
