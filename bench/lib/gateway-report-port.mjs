// Loaded with --import into the Portkey gateway's process by bench/gateway.mjs: Portkey prints its port but
// listens wherever --port says; with --port=0 (an ephemeral port) this tells the bench which one it got.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  this.once('listening', () => process.send?.({ type: 'listening', port: this.address().port }));
  return listen.apply(this, args);
};
