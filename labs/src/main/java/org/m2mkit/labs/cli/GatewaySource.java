package org.m2mkit.labs.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.m2mkit.labs.UserError;
import org.m2mkit.labs.api.Gateway;
import org.m2mkit.labs.api.GatewayConfig;

/**
 * Compiles a student's gateway source file in memory against {@code labs/api} and finds its {@link Gateway}: the
 * one public class implementing it with a public constructor taking a {@link GatewayConfig}. For the command line
 * on the student's own machine; the web app grades submissions in the sandbox instead.
 */
public final class GatewaySource {

    private GatewaySource() {
    }

    /**
     * @return a factory that creates the student's gateway
     * @throws UserError when the file is missing, does not compile, or has no (or more than one) gateway class
     */
    public static Function<GatewayConfig, Gateway> load(Path file) {
        if (!Files.isRegularFile(file) || !file.toString().endsWith(".java")) {
            throw new UserError("gateway source " + file + " is not a readable .java file");
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new UserError("--gateway needs a JDK (javac); this Java is a runtime only");
        }
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("gateway source " + file + " cannot be read: " + e.getMessage());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        JavaFileObject unit = new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        ForwardingJavaFileManager<StandardJavaFileManager> memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<String> options = List.of("-classpath", apiClassPath(), "-proc:none", "-nowarn");
        boolean ok = compiler.getTask(null, memory, diagnostics, options, null, List.of(unit)).call();
        if (!ok) {
            Diagnostic<? extends JavaFileObject> first = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).findFirst().orElse(null);
            long errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).count();
            String where = first == null ? "" : " (line " + first.getLineNumber() + ": "
                    + first.getMessage(Locale.ROOT).lines().findFirst().orElse("") + ")";
            throw new UserError("gateway source " + file.getFileName() + " does not compile: " + errors + " error(s)" + where);
        }
        ClassLoader loader = new ClassLoader(Gateway.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] b = bytes.toByteArray();
                return defineClass(name, b, 0, b.length);
            }
        };
        List<Constructor<?>> found = new ArrayList<>();
        for (String name : classes.keySet()) {
            try {
                Class<?> c = loader.loadClass(name);
                if (Gateway.class.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers())
                        && !Modifier.isAbstract(c.getModifiers())) {
                    found.add(c.getConstructor(GatewayConfig.class));
                }
            } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
                // not a gateway, or no (GatewayConfig) constructor
            }
        }
        if (found.size() != 1) {
            throw new UserError("gateway source " + file.getFileName() + " must have exactly one public class implementing "
                    + "Gateway with a public constructor taking a GatewayConfig; it has " + found.size());
        }
        Constructor<?> ctor = found.get(0);
        return config -> {
            try {
                return (Gateway) ctor.newInstance(config);
            } catch (InvocationTargetException e) {
                throw new UserError("the gateway's constructor threw " + e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new UserError("the gateway cannot be created: " + e);
            }
        };
    }

    private static String apiClassPath() {
        try {
            return new File(Gateway.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return System.getProperty("java.class.path");
        }
    }
}
