package com.clearskin.photos.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoreOverlayTest {

    @Test
    void marksEachPoreAndFitsTheRequestedSize() {
        BufferedImage grey = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 400; x++) {
                grey.setRGB(x, y, 0x808080);
            }
        }
        PoreAnalysis one = new PoreAnalysis(List.of(new Pore(100, 100, 10, 0.2)), new Region(0, 0, 400, 200), null);
        BufferedImage out = PoreOverlay.render(grey, one, 200);
        assertThat(out.getWidth()).isEqualTo(200);
        assertThat(out.getHeight()).isEqualTo(100);
        int marked = 0;
        for (int y = 40; y < 60; y++) {
            for (int x = 40; x < 60; x++) {
                if ((out.getRGB(x, y) & 0xff) > 0xc0) {
                    marked++;
                }
            }
        }
        assertThat(marked).isPositive();
        assertThat(out.getRGB(150, 50) & 0xffffff).isEqualTo(0x808080);
    }
}
