package org.roomctl.sim.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XapiRequestTest {
    @Test
    void splitsPathWordsFromParameters() {
        XapiRequest r = XapiRequest.parse("xCommand Dial Number: \"sip:room-b@example.org\"");
        assertThat(r.path()).containsExactly("xCommand", "Dial");
        assertThat(r.param("number")).isEqualTo("sip:room-b@example.org");
        assertThat(r.resultId()).isNull();
    }

    @Test
    void takesTheResultIdOffTheEnd() {
        XapiRequest r = XapiRequest.parse("xStatus Call | resultId=\"abc-1\"");
        assertThat(r.path()).containsExactly("xStatus", "Call");
        assertThat(r.resultId()).isEqualTo("abc-1");
    }

    @Test
    void readsUnquotedValuesAndSeveralParameters() {
        XapiRequest r = XapiRequest.parse("xCommand Call Disconnect CallId: 3 Extra: x");
        assertThat(r.is("xcommand", "call", "disconnect")).isTrue();
        assertThat(r.param("CallId")).isEqualTo("3");
        assertThat(r.param("Extra")).isEqualTo("x");
    }

    @Test
    void aQuotedValueMayHoldSpacesAndColons() {
        XapiRequest r = XapiRequest.parse("xCommand Dial Number: \"a b: c\"");
        assertThat(r.param("Number")).isEqualTo("a b: c");
    }

    @Test
    void anEmptyLineIsEmpty() {
        assertThat(XapiRequest.parse("   ").isEmpty()).isTrue();
    }
}
