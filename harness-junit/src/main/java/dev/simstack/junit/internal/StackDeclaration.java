package dev.simstack.junit.internal;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.StackConfig;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.StackDefinition;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a {@link SimStack} annotation declares, as the {@link StackConfig} its stack starts from: regions,
 * account, clock and seed, the annotated resources, then the {@link StackDefinition}'s additions, then the
 * templates; checked so that a mistake fails before anything starts, naming the element and the fix.
 */
public final class StackDeclaration {

    private StackDeclaration() {
    }

    /**
     * The configuration {@code annotation} on {@code testClass} declares.
     *
     * @param templates where the annotation's templates are found
     * @throws Misuse when the declaration is wrong
     */
    public static StackConfig config(SimStack annotation, Class<?> testClass, Templates templates) {
        String on = "@SimStack on " + testClass.getSimpleName();
        StackConfig base = StackConfig.defaults();
        try {
            if (annotation.regions().length > 0) {
                base = base.withRegions(annotation.regions());
            }
            if (!annotation.account().isEmpty()) {
                base = base.withAccountId(annotation.account());
            }
            if (!annotation.clock().isEmpty()) {
                base = base.withClock(ClockSpec.parse(annotation.clock()));
            }
            if (annotation.seed() != SimStack.NO_SEED) {
                base = base.withSeed(annotation.seed());
            }
            base = DeclaredSpecs.declare(base, annotation, testClass);
        } catch (Misuse e) {
            throw new Misuse(on + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new Misuse(on + ": " + e.getMessage(), e);
        }
        StackConfig defined = define(base, annotation, on);
        agree(base, defined, annotation, on);
        for (String template : annotation.template()) {
            defined = defined.withResourceFile(templates.resolve(template, testClass, on));
        }
        References.check(defined, on);
        return defined.seed() != null ? defined : defined.withSeed(seedFromRun());
    }

    /** The run's seed: {@value SimStack#SEED_PROPERTY} when set, else a fresh one (printed when a test fails). */
    static long seedFromRun() {
        String property = System.getProperty(SimStack.SEED_PROPERTY);
        if (property == null || property.isBlank()) {
            return ThreadLocalRandom.current().nextLong();
        }
        try {
            return Long.parseLong(property.trim());
        } catch (NumberFormatException e) {
            throw new Misuse("-D" + SimStack.SEED_PROPERTY + "=" + property + " is not a seed: give the number a failing"
                    + " test printed, e.g. -D" + SimStack.SEED_PROPERTY + "=7");
        }
    }

    private static StackConfig define(StackConfig base, SimStack annotation, String on) {
        Class<? extends StackDefinition> type = annotation.definition();
        if (type == StackDefinition.class) {
            return base;
        }
        StackDefinition definition;
        try {
            Constructor<? extends StackDefinition> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            definition = constructor.newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new Misuse(on + ": definition = " + type.getSimpleName() + ".class cannot be instantiated: give it"
                    + " a public no-argument constructor (and make it a static or top-level class)", e);
        } catch (InvocationTargetException e) {
            throw new Misuse(on + ": the constructor of definition " + type.getSimpleName() + " failed: "
                    + e.getCause(), e.getCause());
        }
        StackConfig defined;
        try {
            defined = definition.define(base);
        } catch (IllegalArgumentException e) {
            throw new Misuse(on + ": definition " + type.getSimpleName() + " failed: " + e.getMessage(), e);
        }
        if (defined == null) {
            throw new Misuse(on + ": " + type.getSimpleName() + ".define returned null: return the base with what it"
                    + " adds, e.g. base.withQueue(QueueSpec.named(\"orders\"))");
        }
        return defined;
    }

    /** A definition may add to the annotation's declaration but not contradict it. */
    private static void agree(StackConfig base, StackConfig defined, SimStack annotation, String on) {
        String definition = annotation.definition().getSimpleName();
        if (annotation.seed() != SimStack.NO_SEED && !Long.valueOf(annotation.seed()).equals(defined.seed())) {
            throw disagree(on, "seed = " + annotation.seed(), definition, "seed " + defined.seed());
        }
        if (!annotation.clock().isEmpty() && !base.clock().toString().equals(defined.clock().toString())) {
            throw disagree(on, "clock = \"" + annotation.clock() + "\"", definition, "clock " + defined.clock());
        }
        if (annotation.regions().length > 0 && !List.of(annotation.regions()).equals(defined.regions())) {
            throw disagree(on, "regions = " + List.of(annotation.regions()), definition, "regions "
                    + defined.regions());
        }
        Duplicates.check(defined, on, definition);
    }

    private static Misuse disagree(String on, String attribute, String definition, String other) {
        return new Misuse(on + " says " + attribute + " but its definition " + definition + " sets " + other
                + ": say it in one place (remove it from the annotation or from the definition)");
    }
}
