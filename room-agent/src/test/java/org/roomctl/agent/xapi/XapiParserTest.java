package org.roomctl.agent.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XapiParserTest {
    private final XapiParser parser = new XapiParser();

    private XapiRecord.Entry entry(String line) {
        XapiRecord r = parser.parse(line);
        assertThat(r).isInstanceOf(XapiRecord.Entry.class);
        return (XapiRecord.Entry) r;
    }

    @Test
    void statusLineHasPathFieldAndValue() {
        XapiRecord.Entry e = entry("*s Call 3 Status: Connected");
        assertThat(e.kind()).isEqualTo(XapiRecord.Kind.STATUS); // *s
        assertThat(e.path()).containsExactly("Call", "3"); // the words before the field
        assertThat(e.fields()).containsExactly(Map.entry("Status", "Connected")); // field: value
    }

    @Test
    void quotedValueLosesItsQuotes() {
        XapiRecord.Entry e = entry("*s Call 3 RemoteNumber: \"room-a@example.org\"");
        assertThat(e.field("RemoteNumber")).isEqualTo("room-a@example.org");
    }

    @Test
    void quotedValueKeepsSpacesColonsAndEscapedQuotes() {
        XapiRecord.Entry e = entry("*s Call 3 DisplayName: \"Room \\\"A\\\": east\"");
        assertThat(e.field("DisplayName")).isEqualTo("Room \"A\": east");
    }

    @Test
    void emptyQuotedValueIsEmpty() {
        assertThat(entry("*s Call 3 RemoteNumber: \"\"").field("RemoteNumber")).isEmpty();
    }

    @Test
    void ghostCallHasTheGhostAttributeAndNoFields() {
        XapiRecord.Entry e = entry("*s Call 3 (ghost=True):");
        assertThat(e.path()).containsExactly("Call", "3");
        assertThat(e.attributes()).containsExactly(Map.entry("ghost", "True")); // (ghost=True)
        assertThat(e.fields()).isEmpty();
    }

    @Test
    void resultHeaderCarriesItsStatus() {
        XapiRecord.Entry e = entry("*r DialResult (status=OK):");
        assertThat(e.kind()).isEqualTo(XapiRecord.Kind.RESULT); // *r
        assertThat(e.path()).containsExactly("DialResult");
        assertThat(e.attributes()).containsEntry("status", "OK");
    }

    @Test
    void resultFieldLine() {
        XapiRecord.Entry e = entry("*r DialResult CallId: 2");
        assertThat(e.path()).containsExactly("DialResult");
        assertThat(e.field("CallId")).isEqualTo("2");
    }

    @Test
    void errorHeaderWithReasonOnTheSameLine() {
        XapiRecord.Entry e = entry("*r DialResult (status=Error): Reason: \"Invalid number\"");
        assertThat(e.attributes()).containsEntry("status", "Error");
        assertThat(e.field("Reason")).isEqualTo("Invalid number");
    }

    @Test
    void eventLineCarriesSeveralFields() {
        XapiRecord.Entry e = entry("*e CallDisconnect CallId: 3 CauseValue: 0 CauseType: LocalDisconnect");
        assertThat(e.kind()).isEqualTo(XapiRecord.Kind.EVENT); // *e
        assertThat(e.path()).containsExactly("CallDisconnect");
        assertThat(e.fields())
                .containsExactly(
                        Map.entry("CallId", "3"),
                        Map.entry("CauseValue", "0"),
                        Map.entry("CauseType", "LocalDisconnect"));
    }

    @Test
    void eventFieldValueMayBeQuotedWithColons() {
        XapiRecord.Entry e = entry("*e CallDisconnect CauseString: \"Rejected: busy\" CallId: 4");
        assertThat(e.field("CauseString")).isEqualTo("Rejected: busy");
        assertThat(e.field("CallId")).isEqualTo("4");
    }

    @Test
    void configurationLine() {
        XapiRecord.Entry e = entry("*c xConfiguration Conference AutoAnswer Mode: On");
        assertThat(e.kind()).isEqualTo(XapiRecord.Kind.CONFIGURATION); // *c
        assertThat(e.path()).containsExactly("xConfiguration", "Conference", "AutoAnswer");
        assertThat(e.field("Mode")).isEqualTo("On");
    }

    @Test
    void endOfBlock() {
        assertThat(parser.parse("** end")).isEqualTo(new XapiRecord.End());
    }

    @Test
    void resultIdLine() {
        assertThat(parser.parse("** resultId: \"17\"")).isEqualTo(new XapiRecord.ResultId("17"));
    }

    @Test
    void okAndErrorTerminate() {
        assertThat(parser.parse("OK")).isEqualTo(new XapiRecord.Terminator(true));
        assertThat(parser.parse("ERROR")).isEqualTo(new XapiRecord.Terminator(false));
    }

    @Test
    void commandNotRecognized() {
        assertThat(parser.parse("Command not recognized.")).isEqualTo(new XapiRecord.NotRecognized());
    }

    @Test
    void loginPrompts() {
        assertThat(parser.parse("login:")).isEqualTo(new XapiRecord.LoginPrompt());
        assertThat(parser.parse("codec-a login:")).isEqualTo(new XapiRecord.LoginPrompt());
        assertThat(parser.parse("Password:")).isEqualTo(new XapiRecord.PasswordPrompt());
    }

    @Test
    void loginOutcomes() {
        assertThat(parser.parse("Login incorrect")).isEqualTo(new XapiRecord.LoginIncorrect());
        assertThat(parser.parse("*r Login successful")).isEqualTo(new XapiRecord.LoginSuccessful());
    }

    @Test
    void ourOwnCommandsComingBackAreEcho() {
        assertThat(parser.parse("xStatus Call | resultId=\"3\"")).isInstanceOf(XapiRecord.Echo.class);
        assertThat(parser.parse("xcommand Dial Number: \"x\"")).isInstanceOf(XapiRecord.Echo.class);
        assertThat(parser.parse("echo off")).isInstanceOf(XapiRecord.Echo.class);
    }

    @Test
    void indentedNameValueContinuesTheResultAbove() {
        assertThat(parser.parse("    Reason: \"No active call\""))
                .isEqualTo(new XapiRecord.Field("Reason", "No active call"));
    }

    @Test
    void bannerIsText() {
        assertThat(parser.parse("Welcome to codec-a")).isEqualTo(new XapiRecord.Text("Welcome to codec-a"));
    }

    @Test
    void unknownKindLetterIsGarbage() {
        XapiRecord r = parser.parse("*q Call 3 Status: Connected");
        assertThat(r).isInstanceOf(XapiRecord.Garbage.class);
        assertThat(((XapiRecord.Garbage) r).why()).contains("'*q'");
    }

    @Test
    void markerWithoutContentIsGarbage() {
        assertThat(((XapiRecord.Garbage) parser.parse("*s")).why()).contains("nothing after it");
    }

    @Test
    void unclosedAttributesAreGarbage() {
        assertThat(((XapiRecord.Garbage) parser.parse("*s Call 3 (ghost=True")).why())
                .contains("never closed");
    }

    @Test
    void unclosedQuoteInAnEventIsGarbage() {
        assertThat(((XapiRecord.Garbage) parser.parse("*e CallDisconnect CauseString: \"oops")).why())
                .contains("never closed");
    }

    @Test
    void fieldWithoutPathIsGarbage() {
        assertThat(((XapiRecord.Garbage) parser.parse("*s Status: Connected")).why())
                .contains("no path");
    }

    @Test
    void unknownDoubleStarLineIsGarbage() {
        assertThat(parser.parse("** something")).isInstanceOf(XapiRecord.Garbage.class);
    }

    @Test
    void pathWordsKeepTheirOrder() {
        assertThat(entry("*s Call 3 Encryption Type: None").path()).isEqualTo(List.of("Call", "3", "Encryption"));
    }
}
