package org.m2mkit.web.app;

import java.util.Map;
import org.m2mkit.web.accounts.Auth;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the Thymeleaf templates under {@code templates/} on the class path. */
public final class Pages {

    private final TemplateEngine engine = new TemplateEngine();
    private final Map<String, Object> globals;

    /** @param globals variables every page sees (asset versions, the kit's name) */
    public Pages(Map<String, Object> globals) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        this.globals = Map.copyOf(globals);
    }

    /**
     * Renders a page for a request: besides the model, the template sees {@code me} (the signed-in account or
     * null) and {@code csrf} (the token every form sends back in the field {@code _csrf}).
     */
    public String page(io.javalin.http.Context ctx, String template, Map<String, ?> model) {
        Map<String, Object> all = new java.util.HashMap<>(model);
        all.put("me", Auth.current(ctx).orElse(null));
        all.put("csrf", Auth.csrf(ctx));
        all.put("path", ctx.path());
        return render(template, all);
    }

    public String render(String template, Map<String, ?> model) {
        Context context = new Context();
        context.setVariables(globals);
        model.forEach(context::setVariable);
        return engine.process(template, context);
    }
}
