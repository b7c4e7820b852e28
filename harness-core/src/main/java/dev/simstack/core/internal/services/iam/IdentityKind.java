package dev.simstack.core.internal.services.iam;

import dev.simstack.core.internal.engine.Input;

/**
 * The kinds of IAM identity that hold policies, with the member that names one on the wire, the longest
 * name, and IAM's default quotas (managed policies attached; inline policies' size together, white space not
 * counted).
 */
enum IdentityKind {

    ROLE("Role", IamNames.ROLE_NAME_MAX, 10, 10240),
    USER("User", 64, 10, 2048),
    GROUP("Group", 128, 10, 5120);

    /** The word the operations are named with: {@code AttachRolePolicy}, {@code PutUserPolicy}. */
    final String word;
    final int nameMax;
    final int attachedMax;
    final int inlineMax;

    IdentityKind(String word, int nameMax, int attachedMax, int inlineMax) {
        this.word = word;
        this.nameMax = nameMax;
        this.attachedMax = attachedMax;
        this.inlineMax = inlineMax;
    }

    /** The input member naming the identity: {@code RoleName}, {@code UserName}, {@code GroupName}. */
    String member() {
        return word + "Name";
    }

    /** The lower-case word of IAM's messages: "The user policy with name ...". */
    String lower() {
        return word.toLowerCase(java.util.Locale.ROOT);
    }

    NamedEntities<? extends IamIdentity> of(IamStore store) {
        return switch (this) {
            case ROLE -> store.roles;
            case USER -> store.users;
            case GROUP -> store.groups;
        };
    }

    /** The identity {@code input}'s member names, after checking the name's shape. */
    IamIdentity read(IamStore store, Input input) {
        String name = input.string(member());
        IamNames.name(new Violations(), member(), name, nameMax).check();
        return of(store).get(name);
    }
}
