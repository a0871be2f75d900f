package org.roomctl.panel.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnrolRoutesTest {
    @Test
    void aPanelIsNamedAfterItsKindOfDevice() {
        assertThat(EnrolRoutes.name("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0"))
                .isEqualTo("touch panel (Linux)");
        assertThat(EnrolRoutes.name("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)"))
                .isEqualTo("touch panel (iPad)");
        assertThat(EnrolRoutes.name("Mozilla/5.0 (Linux; Android 14; Pixel 8)")).isEqualTo("touch panel (Android)");
        assertThat(EnrolRoutes.name(null)).isEqualTo("touch panel");
    }
}
