package com.advapacs.clinician.settings.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretFormatTest {

    @Test
    void thirtyTwoCharactersMakeEightGroups() {
        assertEquals("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP",
                SecretFormat.groupsOfFour("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"));
    }

    @Test
    void shortLastGroupIsKept() {
        assertEquals("ABCD EF", SecretFormat.groupsOfFour("ABCDEF"));
        assertEquals("", SecretFormat.groupsOfFour(""));
    }
}
