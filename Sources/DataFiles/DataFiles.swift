import CHDF5
import Tensors
