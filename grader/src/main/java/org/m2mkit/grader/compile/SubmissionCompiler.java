package org.m2mkit.grader.compile;

import com.sun.source.util.JavacTask;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.Labs;
import org.m2mkit.grader.sandbox.ClassPathTree;

/**
 * Compiles a submission in memory against the labs API and the labs' contract types alone (nothing else of the
 * kit or the grader is visible to it; they are copied to a private folder), runs none of its code, and finds the one public class the lab requires by looking at the compiled
 * program's elements.
 */
public final class SubmissionCompiler implements AutoCloseable {
    /** Packages a submission may not declare classes in: the JDK's and the kit's own. */
    private static final List<String> RESERVED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.m2mkit.");

    private final JavaCompiler javac;
    private final Path apiFolder;
    private final String apiClassPath;
    /** Kept across compilations: it caches the platform's class files, which makes every later compile faster. */
    private final StandardJavaFileManager standard;

    public SubmissionCompiler() {
        this.javac = systemCompiler();
        try {
            this.apiFolder = Files.createTempDirectory("m2mkit-api-");
            ClassPathTree.write(Labs.contractClasses(), apiFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the labs API for the compiler", e);
        }
        this.apiClassPath = apiFolder.toString();
        this.standard = javac.getStandardFileManager(null, Locale.ROOT, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The JDK's compiler, or a refusal that says a JDK is needed. */
    public static JavaCompiler systemCompiler() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler (javax.tools); run the kit with a JDK 17 "
                    + "or newer");
        }
        return javac;
    }

    /** Whether a compiler is available in this runtime. */
    public static boolean available() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }

    /**
     * @param sources file name (as the student named it, for messages) to source text
     */
    public synchronized CompileOutcome compile(Lab lab, Map<String, String> sources) {
        List<JavaFileObject> units = new ArrayList<>();
        for (var e : sources.entrySet()) {
            units.add(new Source(e.getKey(), e.getValue()));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        MemoryFileManager files = new MemoryFileManager(standard, out);
        List<String> options = List.of("--release", "17", "-proc:none", "-g", "-encoding", "UTF-8",
                "-Xmaxerrs", "50", "-Xlint:none", "-implicit:class", "-classpath", apiClassPath);
        JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options, null, units);
        List<TypeElement> declared = new ArrayList<>();
        boolean analyzed;
        try {
            task.parse();
            for (javax.lang.model.element.Element e : task.analyze()) {
                if (e instanceof TypeElement t) {
                    collect(t, declared);
                }
            }
            analyzed = true;
        } catch (IOException | RuntimeException e) {
            analyzed = false;
        }
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String where = d.getSource() == null ? "" : ((Source) d.getSource()).fileName + ":" + d.getLineNumber() + ": ";
            String text = where + d.getKind().name().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT);
            (d.getKind() == Diagnostic.Kind.ERROR ? problems : warnings).add(text);
        }
        if (!analyzed || !problems.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add("the compiler could not process the submission");
            }
            return new CompileOutcome(Map.of(), null, problems, warnings);
        }
        for (TypeElement t : declared) {
            String name = t.getQualifiedName().toString();
            for (String reserved : RESERVED) {
                if (name.startsWith(reserved)) {
                    String pkg = task.getElements().getPackageOf(t).getQualifiedName().toString();
                    return failed(List.of("class " + name + " is in package " + pkg + ", which belongs to "
                            + (reserved.equals("org.m2mkit.") ? "the kit" : "the JDK") + "; put your classes in a package of your own"));
                }
            }
        }
        String mainClass;
        try {
            mainClass = requiredClass(lab, declared, task.getElements(), task.getTypes());
        } catch (IllegalArgumentException e) {
            return failed(List.of(e.getMessage()));
        }
        try {
            task.generate();
        } catch (IOException | RuntimeException e) {
            return failed(List.of("the compiler could not write the classes: " + e.getMessage()));
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        out.forEach((k, v) -> classes.put(k, v.toByteArray()));
        return new CompileOutcome(classes, mainClass, List.of(), warnings);
    }

    /** Releases the compiler's cached files. */
    @Override
    public synchronized void close() {
        try {
            standard.close();
        } catch (IOException e) {
            // nothing left to release
        }
        try (var walk = Files.walk(apiFolder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static CompileOutcome failed(List<String> problems) {
        return new CompileOutcome(Map.of(), null, problems, List.of());
    }

    private static void collect(TypeElement type, List<TypeElement> into) {
        into.add(type);
        for (TypeElement inner : ElementFilter.typesIn(type.getEnclosedElements())) {
            collect(inner, into);
        }
    }

    private static String requiredClass(Lab lab, List<TypeElement> declared, Elements elements, Types types) {
        TypeElement contract = elements.getTypeElement(lab.contract().getName());
        List<String> good = new ArrayList<>();
        List<String> withoutConstructor = new ArrayList<>();
        for (TypeElement t : declared) {
            boolean isPublicClass = t.getKind() == ElementKind.CLASS && t.getModifiers().contains(Modifier.PUBLIC)
                    && !t.getModifiers().contains(Modifier.ABSTRACT)
                    && (t.getNestingKind().isNested() ? t.getModifiers().contains(Modifier.STATIC) : true);
            if (!isPublicClass || !types.isAssignable(t.asType(), contract.asType())) {
                continue;
            }
            boolean hasConstructor = false;
            for (ExecutableElement c : ElementFilter.constructorsIn(t.getEnclosedElements())) {
                if (!c.getModifiers().contains(Modifier.PUBLIC)) {
                    continue;
                }
                if (lab.constructorArgument() == null ? c.getParameters().isEmpty()
                        : c.getParameters().size() == 1 && types.isSameType(c.getParameters().get(0).asType(),
                        elements.getTypeElement(lab.constructorArgument().getName()).asType())) {
                    hasConstructor = true;
                }
            }
            String binary = elements.getBinaryName(t).toString();
            (hasConstructor ? good : withoutConstructor).add(binary);
        }
        String iface = lab.contract().getSimpleName();
        good.sort(null);
        if (good.size() == 1) {
            return good.get(0);
        }
        if (good.size() > 1) {
            throw new IllegalArgumentException("the submission has " + good.size() + " public classes implementing "
                    + iface + " (" + String.join(", ", good) + "); it must have exactly one");
        }
        if (!withoutConstructor.isEmpty()) {
            String name = withoutConstructor.get(0);
            String simple = name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
            simple = simple.substring(simple.lastIndexOf('.') + 1);
            throw new IllegalArgumentException("class " + name + " implements " + iface + " but has no constructor "
                    + lab.constructorText(simple) + "; the grader creates it with that constructor");
        }
        throw new IllegalArgumentException("no public class implements " + lab.contract().getName()
                + "; the submission must have exactly one (with a constructor " + lab.constructorText("YourClass") + ")");
    }

    /** A source file held in memory, named as the student named it. */
    private static final class Source extends SimpleJavaFileObject {
        final String fileName;
        final String text;

        Source(String fileName, String text) {
            super(uri(fileName), Kind.SOURCE);
            this.fileName = fileName;
            this.text = text;
        }

        private static URI uri(String fileName) {
            String safe = fileName.replace('\\', '/').replaceAll("[^A-Za-z0-9_./$-]", "_");
            return URI.create("string:///" + safe);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
