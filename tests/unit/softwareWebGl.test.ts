// The renderer-name check behind ?renderer=auto: software rasterisers are told apart from GPUs.
import { describe, expect, it } from 'vitest';
import { isSoftwareRendererName } from '../../src/render/softwareWebGl';

describe('isSoftwareRendererName', () => {
  it('knows the software rasterisers, headless Chromium\'s among them', () => {
    for (const name of [
      // Headless Chromium 156 on this project's machines (--disable-gpu), as read in the page.
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'softpipe',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (Software Adapter Direct3D11 vs_4_1 ps_4_1)',
    ]) expect(isSoftwareRendererName(name), name).toBe(true);
  });

  it('leaves GPUs to WebGL', () => {
    for (const name of [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)',
      'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
      'AMD Radeon RX 6800 XT (radeonsi, navi21, LLVM 15.0.7, DRM 3.49, 6.1.0-18-amd64)',
      'Adreno (TM) 650',
      'Apple GPU',
      'WebKit WebGL',
    ]) expect(isSoftwareRendererName(name), name).toBe(false);
  });
});
