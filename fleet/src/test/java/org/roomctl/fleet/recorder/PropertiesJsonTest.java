package org.roomctl.fleet.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.Json;
import org.roomctl.contract.bus.BusMessage;

class PropertiesJsonTest {
    private static BusMessage with(Map<String, String> user, String contentType, byte[] correlation, Long expiry) {
        return new BusMessage("t", new byte[0], 1, false, false, expiry, null, correlation, contentType, user, null, 0);
    }

    @Test
    void whatJsonReadsBackIsWhatCame() throws Exception {
        String nasty = "quote \" backslash \\ newline \n tab \t bell \u0007 \u00e9 \ud83d\ude00 </script>";
        String json = PropertiesJson.of(with(Map.of("a", nasty, "b\"", "x"), nasty, new byte[] {0, 1, -1}, 42L), null);
        Map<String, Object> back = Json.mapper()
                .readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(back.get("userProperties")).isEqualTo(Map.of("a", nasty, "b\"", "x"));
        assertThat(back.get("contentType")).isEqualTo(nasty);
        assertThat(back.get("correlationData")).isEqualTo("AAH/");
        assertThat(back.get("messageExpiryInterval")).isEqualTo(42);
        assertThat(back).doesNotContainKey("responseTopic");
    }

    @Test
    void userPropertiesAreInNameOrderAndNulIsReplaced() {
        Map<String, String> user = new LinkedHashMap<>();
        user.put("zz", "1");
        user.put("aa", "2\0");
        assertThat(PropertiesJson.of(with(user, null, null, null), null))
                .isEqualTo("{\"userProperties\":{\"aa\":\"2\uFFFD\",\"zz\":\"1\"}}");
    }

    @Test
    void nothingToSayIsNull() {
        assertThat(PropertiesJson.of(with(Map.of(), null, null, null), null)).isNull();
        assertThat(PropertiesJson.of(with(Map.of(), null, null, null), "a/b")).isEqualTo("{\"fullTopic\":\"a/b\"}");
    }
}
