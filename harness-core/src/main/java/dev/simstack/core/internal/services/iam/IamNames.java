package dev.simstack.core.internal.services.iam;

import java.util.regex.Pattern;

/** The shapes IAM's model gives names, paths and descriptions, as {@link Violations} checks them. */
final class IamNames {

    /** Role, policy and session names: IAM's {@code [\w+=,.@-]+}. */
    static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    /** A path: {@code /} alone, or slashes around printable ASCII. */
    static final Pattern PATH = Pattern.compile("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
    static final int ROLE_NAME_MAX = 64;
    static final int POLICY_NAME_MAX = 128;
    static final int PATH_MAX = 512;
    static final int DESCRIPTION_MAX = 1000;
    /** A role's MaxSessionDuration: one to twelve hours. */
    static final int SESSION_MIN = 3600;
    static final int SESSION_MAX = 43200;

    private IamNames() {
    }

    static Violations roleName(Violations violations, String name) {
        return name(violations, "RoleName", name, ROLE_NAME_MAX);
    }

    /** A name of IAM's {@code [\w+=,.@-]+} shape, required, of 1 to {@code max} characters. */
    static Violations name(Violations violations, String member, String name, int max) {
        return violations.required(member, name).length(member, name, 1, max).pattern(member, name, NAME);
    }

    static Violations policyName(Violations violations, String name) {
        return violations.required("PolicyName", name).length("PolicyName", name, 1, POLICY_NAME_MAX)
                .pattern("PolicyName", name, NAME);
    }

    static Violations path(Violations violations, String member, String path) {
        return violations.length(member, path, 1, PATH_MAX).pattern(member, path, PATH);
    }

    /** IAM names are unique whatever their case: {@code Worker} and {@code worker} are the same role. */
    static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
