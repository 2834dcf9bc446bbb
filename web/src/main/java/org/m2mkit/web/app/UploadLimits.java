package org.m2mkit.web.app;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import org.m2mkit.grader.Lab;
import org.m2mkit.grader.Labs;
import org.m2mkit.grader.Submission;

/**
 * How large a request body may be, checked on its declared length before anything reads it (the CSRF check
 * reads form fields, an upload handler reads the file): a 60 MB "question file" is refused at its headers, not
 * after the kit has held it in memory. A body without a declared length is refused where files are uploaded.
 */
public final class UploadLimits {

    /** Room for the other fields and the multipart framing around an uploaded file. */
    static final long FORM_OVERHEAD = 64 * 1024;

    /** What may be uploaded where; every other request may send up to {@link #OTHER_BYTES}. */
    private record Limit(long bytes, String what) {}

    /** Question files (GIFT or Moodle XML) on the import page. */
    public static final long QUESTION_FILE_BYTES = 4L << 20;
    /** A class roster (CSV). */
    public static final long ROSTER_BYTES = 1_000_000;
    /** Forms, JSON and pasted text: Javalin's own limit on a body it reads. */
    static final long OTHER_BYTES = 1_000_000;

    private static final Map<String, Limit> UPLOADS = uploads();

    private static Map<String, Limit> uploads() {
        Map<String, Limit> all = new java.util.HashMap<>();
        all.put("/quizzes/import", new Limit(QUESTION_FILE_BYTES, "a question file (GIFT or Moodle XML)"));
        all.put("/instructor/accounts/roster", new Limit(ROSTER_BYTES, "a class roster"));
        for (Lab lab : Labs.all()) {
            all.put("/labs/" + lab.id() + "/submissions", new Limit(Submission.MAX_ZIP_BYTES,
                    "a lab submission (a .java file or a zip of .java files)"));
        }
        return Map.copyOf(all);
    }

    private UploadLimits() {
    }

    /** Refuses a request whose body is larger than its route accepts: 413, or 411 for an upload of unknown size. */
    static void check(Context ctx) {
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            return;
        }
        Limit upload = UPLOADS.get(ctx.path());
        long declared = ctx.req().getContentLengthLong();
        if (upload != null && declared < 0 && isMultipart(ctx)) {
            throw new HttpResponseException(HttpStatus.LENGTH_REQUIRED.getCode(), "An upload must say how large it "
                    + "is (Content-Length); send the file again from the page's form.");
        }
        long limit = upload != null ? upload.bytes() + FORM_OVERHEAD : OTHER_BYTES;
        if (declared > limit) {
            String what = upload != null ? upload.what() : "a form or request";
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "What was sent is "
                    + size(declared) + "; the kit accepts at most " + size(upload != null ? upload.bytes() : limit)
                    + " for " + what + ".");
        }
    }

    private static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** A size as people read it: 8 MB, 977 KB, 512 bytes. */
    public static String size(long bytes) {
        if (bytes >= 1L << 20) {
            double mb = bytes / (double) (1L << 20);
            return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
        }
        if (bytes >= 1024) {
            return (bytes / 1024) + " KB";
        }
        return bytes + " bytes";
    }
}
