package dev.simstack.core.internal.services.apigateway.mapping;

import java.io.StringWriter;
import java.util.Properties;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.util.introspection.SecureUberspector;

/**
 * API Gateway's mapping templates: Velocity (VTL) rendered with {@code $input}, {@code $util},
 * {@code $context} and {@code $stageVariables}. One engine per stack (no static state). Templates come
 * from whoever configures the API, so the engine is sandboxed: {@link SecureUberspector} refuses
 * reflection, class loading and {@code getClass()}, and no resource loader can read files
 * ({@code #include} and {@code #parse} find nothing).
 */
public final class MappingTemplates {

    private final TemplateUtil util = new TemplateUtil();
    private VelocityEngine engine;

    /** The engine, made at the first template: most stacks never render one. */
    private synchronized VelocityEngine engine() {
        if (engine != null) {
            return engine;
        }
        Properties properties = new Properties();
        properties.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, SecureUberspector.class.getName());
        properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "string");
        properties.setProperty("resource.loader.string.class",
                "org.apache.velocity.runtime.resource.loader.StringResourceLoader");
        properties.setProperty(RuntimeConstants.RUNTIME_LOG_NAME, "dev.simstack.apigateway.templates");
        engine = new VelocityEngine(properties);
        engine.init();
        return engine;
    }

    /**
     * Renders {@code template} over {@code payload}.
     *
     * @throws TemplateException when the template does not parse or fails while rendering
     */
    public String render(String template, String payload, MappingRequest request) {
        VelocityContext context = new VelocityContext();
        context.put("input", new TemplateInput(payload, request));
        context.put("util", util);
        context.put("context", request.context());
        context.put("stageVariables", request.stageVariables());
        StringWriter out = new StringWriter();
        try {
            engine().evaluate(context, out, "mapping-template", template);
        } catch (VelocityException | IllegalArgumentException e) {
            throw new TemplateException(e.getMessage(), e);
        }
        return out.toString();
    }

    /** A template that cannot be rendered; API Gateway answers such a request with 500. */
    public static final class TemplateException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TemplateException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
