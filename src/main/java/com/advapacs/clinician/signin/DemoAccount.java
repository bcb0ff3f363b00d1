package com.advapacs.clinician.signin;

/** Credentials of the demo clinician, shown on the sign-in window in demo mode only. */
public record DemoAccount(String email, String password) {

    @Override
    public String toString() {
        return "DemoAccount[email=" + email + "]";
    }
}
