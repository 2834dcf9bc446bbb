package org.m2mkit.web.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.m2mkit.web.grading.LabHttp;
import org.m2mkit.web.testing.RunningKit;
import org.m2mkit.web.testing.WebClient;

/**
 * Uploads over real HTTP: a body over the limit is refused from its declared length, before the kit reads it;
 * question files are read by the same rule as on the command line.
 */
class QuizImportLimitsIT {

    @RegisterExtension
    static final RunningKit running = new RunningKit();

    static final String GIFT = "::Q1:: Which protocol suits a meter? {=MQTT ~CoAP}\n\n::Gerät:: Is the meter hot? {T}\n";

    /** Sends only the headers of a 60 MB upload and reads the answer: it comes without the body being sent. */
    static String headersOnly(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", running.port())) {
            socket.setSoTimeout(60_000); // a kit waiting for the body would fail the test here, not hang it
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (60L << 20)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSixtyMegabyteQuestionFileIsRefusedFromItsHeadersSayingTheLimit() throws Exception {
        String answer = headersOnly("/quizzes/import");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("60 MB").contains("at most 4 MB")
                .contains("question file");
    }

    @Test
    void aSixtyMegabyteLabUploadIsRefusedFromItsHeadersSayingTheLimit() throws Exception {
        String answer = headersOnly("/labs/gateway/submissions");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("at most 8 MB").contains("lab submission");
    }

    @Test
    void theImportPageReadsTextAsTheCommandLineDoes() {
        WebClient teacher = running.client().signIn("instructor", "m2m-instructor");
        HttpResponse<String> latin1 = LabHttp.upload(teacher, running.port(), "/quizzes/import", "latin1.gift",
                GIFT.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.statusCode()).isEqualTo(422);
        assertThat(latin1.body()).contains("not UTF-8 text: at line 3 (byte " + (GIFT.indexOf('ä') + 1))
                .doesNotContain("Gerät");
        HttpResponse<String> noMark = LabHttp.upload(teacher, running.port(), "/quizzes/import", "utf16.gift",
                GIFT.getBytes(StandardCharsets.UTF_16LE));
        assertThat(noMark.statusCode()).isEqualTo(422);
        assertThat(noMark.body()).contains("UTF-16 without a byte-order mark").doesNotContain("\0");
        HttpResponse<String> utf16 = LabHttp.upload(teacher, running.port(), "/quizzes/import", "utf16.gift",
                GIFT.getBytes(StandardCharsets.UTF_16));
        assertThat(utf16.statusCode()).as(utf16.body()).isEqualTo(303);
        assertThat(teacher.get(utf16.headers().firstValue("Location").orElseThrow()).body())
                .contains("Gerät");
    }
}
