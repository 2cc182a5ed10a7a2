/** The widget's CSS, scoped by its shadow root: the page's styles do not reach in, these do not leak out. */
export const styles = `
/* Important here beats the page's important rules aimed at the host element (the shadow's context wins). */
:host{all:initial!important;display:block!important;position:fixed!important;bottom:20px!important;z-index:2147483000!important}
:host(.right){right:20px!important}:host(.left){left:20px!important}
.root{font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;text-align:left}
*{box-sizing:border-box}
button,a,input,[tabindex]{font:inherit}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.launcher{width:60px;height:60px;border-radius:50%;border:0;background:var(--accent);color:#fff;cursor:pointer;box-shadow:0 4px 14px #0003;display:flex;align-items:center;justify-content:center;position:relative}
.launcher svg{width:28px;height:28px;fill:currentColor}
.launcher .dot{position:absolute;top:4px;right:4px;width:14px;height:14px;border-radius:50%;background:#ef4444;border:2px solid #fff;display:none}
.launcher.unread .dot{display:block}
.panel{position:absolute;bottom:76px;width:370px;height:560px;max-height:calc(100vh - 110px);background:#fff;border-radius:16px;box-shadow:0 10px 40px #0004;display:flex;flex-direction:column;overflow:hidden}
:host(.right) .panel{right:0}:host(.left) .panel{left:0}
.panel[hidden]{display:none}
header{background:var(--accent);color:#fff;display:flex;align-items:center;gap:10px;padding:12px 14px}
header img{width:32px;height:32px;border-radius:50%;object-fit:cover;background:#fff}
header h2{font-size:16px;margin:0;flex:1;font-weight:600}
.close{background:transparent;border:0;color:#fff;font-size:24px;line-height:1;cursor:pointer;padding:4px 8px;border-radius:6px}
.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;background:#f7f7f9}
.msg{display:flex;flex-direction:column;max-width:85%;gap:6px}
.msg.bot{align-self:flex-start}.msg.me{align-self:flex-end;align-items:flex-end}
.bubble{padding:9px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;box-shadow:0 1px 2px #0001}
.me .bubble{background:var(--accent);color:#fff}
.media{max-width:100%;border-radius:12px;display:block}
.caption{font-size:13px;color:#4b5563}
.choices{display:flex;flex-wrap:wrap;gap:6px}
.choice,.card-button{border:1px solid var(--accent);color:var(--accent);background:#fff;border-radius:16px;padding:6px 12px;cursor:pointer;text-decoration:none;text-align:center}
.choice:disabled{opacity:.45;cursor:default}.choice.picked{background:var(--accent);color:#fff;opacity:1}
.msg.cards{max-width:100%;align-self:stretch}
.carousel{display:flex;gap:10px;overflow-x:auto;scroll-snap-type:x mandatory;padding-bottom:6px}
.card{flex:0 0 220px;scroll-snap-align:start;background:#fff;border-radius:12px;box-shadow:0 1px 3px #0002;overflow:hidden;display:flex;flex-direction:column}
.card-image{width:100%;height:130px;object-fit:cover;display:block;background:#eee}
.card-title{font-weight:600;padding:8px 10px 0}.card-subtitle{font-size:13px;color:#4b5563;padding:2px 10px 0}
.card-buttons{display:flex;flex-direction:column;gap:6px;padding:10px;margin-top:auto}
.card-button.pay,.pay-link{background:var(--accent);color:#fff}
.pay-box{background:#fff;border-radius:12px;padding:12px;box-shadow:0 1px 3px #0002;display:flex;flex-direction:column;gap:6px}
.pay-amount{font-size:20px;font-weight:700}.pay-test{font-size:12px;color:#b45309}
.pay-link{display:block;text-align:center;border-radius:10px;padding:9px;text-decoration:none;font-weight:600}
.disabled{opacity:.5}
.file-link{color:var(--accent)}
.msg.notice{align-self:center;max-width:95%}.notice-text{font-size:13px;color:#4b5563;text-align:center;background:#eef;border-radius:10px;padding:6px 10px}
.typing{align-self:flex-start;background:#fff;border-radius:14px;padding:10px 12px;display:flex;gap:4px}
.typing i{width:7px;height:7px;border-radius:50%;background:#9ca3af;animation:blink 1.2s infinite}
.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}
@keyframes blink{0%,80%,100%{opacity:.3}40%{opacity:1}}
.error{align-self:center;font-size:13px;color:#b91c1c;display:flex;gap:8px;align-items:center}
.error button{border:1px solid #b91c1c;background:#fff;color:#b91c1c;border-radius:8px;padding:2px 8px;cursor:pointer}
form{display:flex;gap:8px;padding:10px;border-top:1px solid #e5e7eb;background:#fff}
input{flex:1;border:1px solid #d1d5db;border-radius:20px;padding:9px 14px;font:inherit;min-width:0}
.send{border:0;background:var(--accent);color:#fff;border-radius:20px;padding:0 16px;cursor:pointer;font-weight:600}
@media (max-width:480px){
  .panel{position:fixed;inset:0;width:100%;height:100%;max-height:none;border-radius:0;bottom:auto}
  .open .launcher{display:none}
}
@media (prefers-reduced-motion:reduce){.typing i{animation:none}}
`;
