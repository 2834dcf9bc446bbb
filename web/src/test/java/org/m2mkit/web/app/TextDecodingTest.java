package org.m2mkit.web.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    static final String TEXT = "::Q1:: Which protocol? {=MQTT ~CoAP}\n// Gerät, 20 °C\n";

    static byte[] withBom(byte[] bom, byte[] body) {
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    @Test
    void utf8WithOrWithoutItsMarkAndUtf16WithItsMarkAreRead() {
        assertThat(TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(TEXT);
        assertThat(TextDecoding.decode(withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                TEXT.getBytes(StandardCharsets.UTF_8)))).isEqualTo(TEXT);
        assertThat(TextDecoding.decode(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE},
                TEXT.getBytes(StandardCharsets.UTF_16LE)))).isEqualTo(TEXT);
        assertThat(TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_16))).isEqualTo(TEXT); // BE with its mark
    }

    @Test
    void latin1IsRefusedNamingTheLineAndTheByte() {
        byte[] latin1 = TEXT.getBytes(StandardCharsets.ISO_8859_1);
        int at = TEXT.indexOf('ä');
        assertThatThrownBy(() -> TextDecoding.decode(latin1)).isInstanceOf(TextDecoding.NotText.class)
                .hasMessage("the file is not UTF-8 text: at line 2 (byte " + (at + 1) + " of the file) it has 0xE4, "
                        + "which is not UTF-8; save it as UTF-8 and send it again");
    }

    @Test
    void utf16WithoutItsMarkIsRefusedClearlyWithoutNulsInTheMessage() {
        assertThatThrownBy(() -> TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOf(TextDecoding.NotText.class).hasMessageContaining("UTF-16 without a byte-order mark")
                .message().doesNotContain("\0");
    }
}
