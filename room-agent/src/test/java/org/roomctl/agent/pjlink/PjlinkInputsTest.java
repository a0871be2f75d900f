package org.roomctl.agent.pjlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PjlinkInputsTest {
    @Test
    void namesBecomeCodes() {
        assertThat(PjlinkInputs.code("rgb1")).isEqualTo("11");
        assertThat(PjlinkInputs.code("video2")).isEqualTo("22");
        assertThat(PjlinkInputs.code("hdmi1")).isEqualTo("31");
        assertThat(PjlinkInputs.code("digital3")).isEqualTo("33");
        assertThat(PjlinkInputs.code("storage1")).isEqualTo("41");
        assertThat(PjlinkInputs.code("network9")).isEqualTo("59");
    }

    @Test
    void rawCodesPassThrough() {
        assertThat(PjlinkInputs.code("31")).isEqualTo("31");
    }

    @Test
    void nameCaseAndBlanksDoNotMatter() {
        assertThat(PjlinkInputs.code(" HDMI2 ")).isEqualTo("32");
    }

    @Test
    void codesBecomeNames() {
        assertThat(PjlinkInputs.name("11")).isEqualTo("rgb1");
        assertThat(PjlinkInputs.name("31")).isEqualTo("hdmi1");
        assertThat(PjlinkInputs.name("52")).isEqualTo("network2");
    }

    @Test
    void oddCodeIsKept() {
        assertThat(PjlinkInputs.name("3A")).isEqualTo("3A");
    }

    @Test
    void unknownNameSaysWhatIsAccepted() {
        assertThatThrownBy(() -> PjlinkInputs.code("hdmi0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hdmi1 (or digital1)");
        assertThatThrownBy(() -> PjlinkInputs.code("dvi1")).hasMessageContaining("unknown input 'dvi1'");
    }
}
