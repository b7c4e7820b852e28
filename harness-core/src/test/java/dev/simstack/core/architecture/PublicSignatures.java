package dev.simstack.core.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An ArchUnit condition over what a class shows its users: the types named anywhere in its public and protected
 * members' signatures (field types, parameter and return types with their type arguments, type parameters'
 * bounds, thrown types) and in its own supertypes.
 */
public final class PublicSignatures {

    private PublicSignatures() {
    }

    /** Classes none of whose visible signatures mention a type {@code forbidden} accepts. */
    public static ArchCondition<JavaClass> mentionNo(DescribedPredicate<? super JavaClass> forbidden) {
        return new ArchCondition<>("mention no " + forbidden.getDescription()
                + " in a public or protected signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaType supertype : supertypes(type)) {
                    report(type.getName() + " extends or implements", supertype, forbidden, type, events);
                }
                for (JavaMember member : type.getMembers()) {
                    if (visible(member)) {
                        for (JavaType mentioned : signature(member)) {
                            report(member.getFullName(), mentioned, forbidden, type, events);
                        }
                    }
                }
            }
        };
    }

    private static void report(String where, JavaType mentioned, DescribedPredicate<? super JavaClass> forbidden,
            JavaClass owner, ConditionEvents events) {
        for (JavaClass raw : mentioned.getAllInvolvedRawTypes()) {
            if (forbidden.test(raw)) {
                events.add(SimpleConditionEvent.violated(owner, where + " mentions " + raw.getName()));
            }
        }
    }

    private static boolean visible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
                && !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE);
    }

    private static Set<JavaType> supertypes(JavaClass type) {
        Set<JavaType> supertypes = new LinkedHashSet<>(type.getInterfaces());
        type.getSuperclass().ifPresent(supertypes::add);
        supertypes.addAll(type.getTypeParameters());
        return supertypes;
    }

    private static Set<JavaType> signature(JavaMember member) {
        Set<JavaType> types = new LinkedHashSet<>();
        if (member instanceof JavaField field) {
            types.add(field.getType());
        } else if (member instanceof JavaCodeUnit code) {
            types.add(code.getReturnType());
            types.addAll(code.getParameterTypes());
            types.addAll(code.getTypeParameters());
            types.addAll(code.getThrowsClause().getTypes());
        }
        return types;
    }
}
