package dev.simstack.junit.internal;

import dev.simstack.junit.ApiUrl;
import dev.simstack.junit.InRegion;
import dev.simstack.junit.Named;
import dev.simstack.junit.Provided;
import dev.simstack.junit.QueueUrl;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Fills the fields of a test class that the stack provides: marked {@link Provided @Provided} or qualified. */
public final class Fields {

    private static final List<Class<? extends java.lang.annotation.Annotation>> MARKS = List.of(Provided.class,
            Named.class, ApiUrl.class, QueueUrl.class, InRegion.class);

    private Fields() {
    }

    /** Fills the static fields of {@code testClass} (before its {@code @BeforeAll} methods). */
    public static void injectStatic(Class<?> testClass, HarnessedStack stack) {
        inject(testClass, null, stack);
    }

    /** Fills the instance fields of {@code instance}. */
    public static void injectInstance(Object instance, HarnessedStack stack) {
        inject(instance.getClass(), instance, stack);
    }

    private static void inject(Class<?> type, Object instance, HarnessedStack stack) {
        // Not AnnotationSupport.findAnnotatedFields(type, Annotation.class, ...): no field is annotated with
        // Annotation itself, so that finds nothing.
        List<Field> fields = ReflectionSupport.findFields(type,
                field -> marked(field) && Modifier.isStatic(field.getModifiers()) == (instance == null),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            String what = "field '" + field.getName() + "' of " + field.getDeclaringClass().getSimpleName();
            if (Modifier.isFinal(field.getModifiers())) {
                throw new Misuse(what + " is final, so the stack cannot fill it: remove final");
            }
            Object value = Injectables.resolve(field.getType(), field, what, stack);
            try {
                field.setAccessible(true);
                field.set(instance, value);
            } catch (IllegalAccessException | RuntimeException e) {
                throw new Misuse(what + " cannot be set: " + e.getMessage(), e);
            }
        }
    }

    private static boolean marked(Field field) {
        for (Class<? extends java.lang.annotation.Annotation> mark : MARKS) {
            if (field.isAnnotationPresent(mark)) {
                return true;
            }
        }
        return false;
    }
}
