package org.m2mkit.grader.codecheck;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.m2mkit.grader.compile.MemoryFileManager;
import org.m2mkit.grader.compile.SubmissionCompiler;
import org.m2mkit.grader.sandbox.ClassPathTree;
import org.m2mkit.labs.api.Gateway;
import org.opentest4j.AssertionFailedError;

/**
 * Compiles a code question's answer and its JUnit 5 test class together, in memory, against the labs API and the
 * JUnit Jupiter API alone, and lists the test's {@code @Test} methods from the compiled program's elements (the
 * grader, not the sandbox, decides which tests there are). Runs none of the code.
 */
final class QuestionCompiler implements AutoCloseable {
    /** Packages an answer may not declare classes in: the JDK's, the kit's, and JUnit's with what it uses. */
    private static final Map<String, String> RESERVED = reserved();

    private final JavaCompiler javac;
    private final String classPath;
    private final StandardJavaFileManager standard;

    QuestionCompiler() {
        this.javac = SubmissionCompiler.systemCompiler();
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> anchor : List.of(Gateway.class, Test.class, AssertionFailedError.class, API.class,
                Testable.class)) {
            entries.add(ClassPathTree.location(anchor).toString());
        }
        this.classPath = String.join(File.pathSeparator, entries);
        this.standard = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    }

    private static Map<String, String> reserved() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : List.of("java.", "javax.", "jdk.", "sun.", "com.sun.")) {
            m.put(p, "the JDK");
        }
        m.put("org.m2mkit.", "the kit");
        for (String p : List.of("org.junit.", "org.opentest4j.", "org.apiguardian.")) {
            m.put(p, "JUnit");
        }
        return m;
    }

    /** One {@code @Test} method: where it is, its parameter types as JUnit names them, and its name for people. */
    record TestMethod(String className, String method, String parameterTypes, String displayName) {}

    /**
     * What compiling gave: the class files and the tests, or the problems with the answer ({@code answerProblems},
     * compiler messages by line) or with the tests compiled against it ({@code testProblems}).
     */
    record Compiled(Map<String, byte[]> classes, List<TestMethod> tests, List<String> answerProblems,
                    List<String> testProblems) {
        boolean ok() {
            return answerProblems.isEmpty() && testProblems.isEmpty();
        }
    }

    synchronized Compiled compile(String answer, String tests) {
        Source answerSource = new Source("answer", answer);
        Source testSource = new Source("tests", tests);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        List<String> options = List.of("--release", "17", "-proc:none", "-g", "-encoding", "UTF-8",
                "-Xmaxerrs", "20", "-Xlint:none", "-implicit:none", "-classpath", classPath);
        JavacTask task = (JavacTask) javac.getTask(null, new MemoryFileManager(standard, out), diagnostics, options,
                null, List.of(answerSource, testSource));
        List<String> answerProblems = new ArrayList<>();
        List<String> testProblems = new ArrayList<>();
        List<CompilationUnitTree> units = new ArrayList<>();
        boolean analyzed;
        try {
            task.parse().forEach(units::add);
            task.analyze();
            analyzed = true;
        } catch (IOException | RuntimeException e) {
            analyzed = false;
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String text = (d.getLineNumber() > 0 ? "line " + d.getLineNumber() + ": " : "")
                    + d.getMessage(Locale.ROOT).lines().collect(Collectors.joining(" ")).replaceAll("\\s+", " ");
            (isFile(d.getSource(), testSource) ? testProblems : answerProblems).add(text);
        }
        if (!analyzed && answerProblems.isEmpty() && testProblems.isEmpty()) {
            answerProblems.add("the compiler could not process the code");
        }
        Trees trees = Trees.instance(task);
        for (CompilationUnitTree unit : units) {
            String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString() + ".";
            RESERVED.forEach((prefix, owner) -> {
                if (pkg.startsWith(prefix) && isFile(unit.getSourceFile(), answerSource)) {
                    answerProblems.add("line " + unit.getLineMap().getLineNumber(
                            trees.getSourcePositions().getStartPosition(unit, unit.getPackage()))
                            + ": package " + pkg.substring(0, pkg.length() - 1) + " belongs to " + owner
                            + "; put your classes in no package or in a package of your own");
                }
            });
        }
        if (!answerProblems.isEmpty() || !testProblems.isEmpty()) {
            return new Compiled(Map.of(), List.of(), answerProblems, testProblems);
        }
        List<TestMethod> found = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            if (!isFile(unit.getSourceFile(), testSource)) {
                continue;
            }
            for (Tree decl : unit.getTypeDecls()) {
                if (decl instanceof ClassTree
                        && trees.getElement(new TreePath(new TreePath(unit), decl)) instanceof TypeElement type) {
                    testMethods(type, task.getElements(), task.getTypes(), found);
                }
            }
        }
        try {
            task.generate();
        } catch (IOException | RuntimeException e) {
            return new Compiled(Map.of(), List.of(), List.of("the compiler could not write the classes: "
                    + e.getMessage()), List.of());
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        out.forEach((k, v) -> classes.put(k, v.toByteArray()));
        return new Compiled(classes, found, List.of(), List.of());
    }

    /** Whether javac's file object (it wraps the ones it is given) is {@code source}. */
    private static boolean isFile(JavaFileObject file, Source source) {
        return file != null && file.toUri().equals(source.toUri());
    }

    private static void testMethods(TypeElement type, Elements elements, Types types, List<TestMethod> into) {
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            return;
        }
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (annotation(m, Test.class.getName()) == null) {
                continue;
            }
            String parameters = m.getParameters().stream().map(p -> junitName(p.asType(), elements, types))
                    .collect(Collectors.joining(","));
            AnnotationMirror display = annotation(m, "org.junit.jupiter.api.DisplayName");
            String name = m.getSimpleName().toString();
            if (display != null) {
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                        : display.getElementValues().entrySet()) {
                    if (e.getKey().getSimpleName().contentEquals("value")
                            && !String.valueOf(e.getValue().getValue()).isBlank()) {
                        name = String.valueOf(e.getValue().getValue());
                    }
                }
            }
            into.add(new TestMethod(elements.getBinaryName(type).toString(), m.getSimpleName().toString(),
                    parameters, name));
        }
    }

    private static AnnotationMirror annotation(Element e, String name) {
        for (AnnotationMirror a : e.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
                return a;
            }
        }
        return null;
    }

    /** A parameter type as JUnit's method selector names it: binary class names, {@code int}, {@code int[]}. */
    private static String junitName(TypeMirror type, Elements elements, Types types) {
        TypeMirror erased = types.erasure(type);
        if (erased.getKind() == TypeKind.ARRAY) {
            return junitName(((ArrayType) erased).getComponentType(), elements, types) + "[]";
        }
        if (erased instanceof DeclaredType declared) {
            return elements.getBinaryName((TypeElement) declared.asElement()).toString();
        }
        return erased.toString();
    }

    @Override
    public synchronized void close() {
        try {
            standard.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** Source text held in memory; any public class name is accepted in it (a question's answer has no file). */
    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String name, String text) {
            super(URI.create("string:///" + name + ".java"), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public boolean isNameCompatible(String simpleName, Kind kind) {
            return kind == Kind.SOURCE;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
