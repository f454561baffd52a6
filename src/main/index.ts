// Entry of the Electron main process; everything that touches Electron lives in ./electron.
import './electron/main'
