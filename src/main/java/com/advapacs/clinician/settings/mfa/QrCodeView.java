package com.advapacs.clinician.settings.mfa;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A QR code drawn as black modules on an opaque white square.
 *
 * <p>The white square includes a quiet zone of {@value #QUIET_ZONE_MODULES} modules on
 * every side (ISO/IEC 18004 requires 4), so a dark theme around it cannot break scanning.
 * Modules are filled rectangles on whole logical pixels, which the renderer draws sharply at
 * any display scale. Error correction is level M (about 15% of the code may be damaged).
 */
public final class QrCodeView extends Canvas {

    static final int QUIET_ZONE_MODULES = 4;
    private static final int MODULE_PIXELS = 5;

    public QrCodeView(String content, String accessibleText) {
        BitMatrix matrix = encode(content);
        int modules = matrix.getWidth() + 2 * QUIET_ZONE_MODULES;
        double size = modules * MODULE_PIXELS;
        setWidth(size);
        setHeight(size);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText(accessibleText);
        setFocusTraversable(false);

        GraphicsContext graphics = getGraphicsContext2D();
        graphics.setFill(Color.WHITE);
        graphics.fillRect(0, 0, size, size);
        graphics.setFill(Color.BLACK);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    graphics.fillRect((x + QUIET_ZONE_MODULES) * MODULE_PIXELS,
                            (y + QUIET_ZONE_MODULES) * MODULE_PIXELS, MODULE_PIXELS,
                            MODULE_PIXELS);
                }
            }
        }
    }

    /** Encodes {@code content} without a margin; the quiet zone is drawn by this view. */
    static BitMatrix encode(String content) {
        Map<EncodeHintType, Object> hints = Map.of(
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                EncodeHintType.MARGIN, 0);
        try {
            return new QRCodeWriter().encode(content, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Text too long for a QR code: "
                    + content.length() + " characters", e);
        }
    }
}
