// Small RAII helpers for the HDF5 C API, shared by the results-file writer and the map reader:
// an owned identifier closed by the matching H5?close, and a scope in which HDF5 does not print
// its error stack.
#pragma once

#include <hdf5.h>

#include <utility>

namespace mdasim::hdf5 {

// Owns one HDF5 identifier and closes it with the matching H5?close.
template <herr_t (*Close)(hid_t)>
class Handle {
 public:
  Handle() = default;
  explicit Handle(hid_t id) : id_(id) {}
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      close();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { close(); }

  [[nodiscard]] hid_t get() const { return id_; }
  [[nodiscard]] bool valid() const { return id_ >= 0; }
  // Closes now (if open); returns what H5?close returned (0 if nothing was open).
  herr_t close() {
    herr_t status = 0;
    if (id_ >= 0) status = Close(id_);
    id_ = H5I_INVALID_HID;
    return status;
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

using FileHandle = Handle<H5Fclose>;
using GroupHandle = Handle<H5Gclose>;
using DatasetHandle = Handle<H5Dclose>;
using SpaceHandle = Handle<H5Sclose>;
using TypeHandle = Handle<H5Tclose>;
using AttributeHandle = Handle<H5Aclose>;
using PropertiesHandle = Handle<H5Pclose>;
using ObjectHandle = Handle<H5Oclose>;

// Turns off HDF5's printing of its error stack for one scope and restores it afterwards.
//
// The first one in a process also tells HDF5 not to close itself at exit (H5dont_atexit, which
// takes effect only before the library starts): after a write fails for want of space, HDF5
// 1.10 cannot close the file, and its exit handler would crash on it (SIGSEGV in H5F__close_cb)
// after mdasim has reported the error and removed the temporary file. Files that were written
// completely are closed explicitly before that.
class QuietHdf5 {
 public:
  QuietHdf5() {
    H5dont_atexit();  // a no-op once the library has started
    saved_ = H5Eget_auto2(H5E_DEFAULT, &function_, &data_) >= 0;
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~QuietHdf5() {
    if (saved_) H5Eset_auto2(H5E_DEFAULT, function_, data_);
  }
  QuietHdf5(const QuietHdf5&) = delete;
  QuietHdf5& operator=(const QuietHdf5&) = delete;

 private:
  H5E_auto2_t function_ = nullptr;
  void* data_ = nullptr;
  bool saved_ = false;
};

// As QuietHdf5, and clears the error stack on leaving, for readers that report their own errors.
class QuietClearingHdf5 : public QuietHdf5 {
 public:
  QuietClearingHdf5() = default;
  ~QuietClearingHdf5() { H5Eclear2(H5E_DEFAULT); }
  QuietClearingHdf5(const QuietClearingHdf5&) = delete;
  QuietClearingHdf5& operator=(const QuietClearingHdf5&) = delete;
};

}  // namespace mdasim::hdf5
